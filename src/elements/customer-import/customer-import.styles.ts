import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) * 2);
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .settings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_gap);
  }
  input[type='file'] {
    min-height: 2.25rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  tbody th {
    font-weight: normal;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .problem {
    color: var(--_error);
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  button {
    min-height: 2.25rem;
  }
  progress {
    width: 100%;
  }
  p {
    margin: 0;
  }
  [part~='report'] h3 {
    margin: 0.5rem 0 0.25rem;
    font-size: 1rem;
  }
  [part~='report'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;

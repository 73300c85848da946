import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Level, SectionHost } from './draft.js';

const LEVELS: Level[] = ['none', 'view', 'edit'];
const RANK: Record<Level, number> = { none: 0, view: 1, edit: 2 };

function roleName(form: SectionHost, role: string): string {
  return role === '*' ? form.messages.everyone : (form.messages.roleNames[role] ?? role);
}

/** Access control: a level per role and for everyone, and who will see and who will edit, in words. */
export function renderAccess(form: SectionHost) {
  const messages = form.messages;
  const access = form.draft.access;
  const levelOf = (role: string): Level => access[role] ?? 'none';
  const effective = (role: string): Level => (RANK[levelOf('*')] >= RANK[levelOf(role)] ? levelOf('*') : levelOf(role));
  const who = (minimum: Level) => {
    if (RANK[levelOf('*')] >= RANK[minimum]) return messages.everyoneWord;
    const names = form.roles.filter((role) => RANK[effective(role)] >= RANK[minimum]).map((role) => roleName(form, role));
    return names.length ? new Intl.ListFormat(form.locale).format(names) : '';
  };
  const sees = who('view');
  const edits = who('edit');
  return html`<fieldset class="access" aria-describedby="access-summary">
      <legend>${messages.access}</legend>
      <div class="levels">
        ${['*', ...form.roles].map((role) => html`<fieldset>
          <legend>${roleName(form, role)}</legend>
          ${LEVELS.map((level) => html`<label><input type="radio" name="access-${role}" id=${level === 'none' ? `access-${role}` : nothing}
            .checked=${live(levelOf(role) === level)} @change=${() => form.update({ access: { ...form.draft.access, [role]: level } }, 'access')} />${messages.levels[level]}</label>`)}
        </fieldset>`)}
      </div>
      <p part="summary" id="access-summary" aria-live="polite">
        ${sees ? messages.whoSees(sees) : messages.nobodySees} ${edits ? messages.whoEdits(edits) : messages.nobodyEdits}
      </p>
      ${form.fieldErrors('access', 'access')}
    </fieldset>`;
}

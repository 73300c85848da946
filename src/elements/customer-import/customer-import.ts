import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CustomersImportedEvent } from '../../events.js';
import { DefinitionsController } from '../../internal/definitions-controller.js';
import { StoreElement } from '../../internal/store-element.js';
import { localizeDefinitions } from '../../model/translations.js';
import { inputStyles, tokens } from '../../internal/styles.js';
import { registeredLocales } from '../../i18n/locales.js';
import { CSV_DEFAULT_COLUMNS } from '../../storage/csv-export.js';
import { importCustomersCsv, suggestCsvMapping, type ImportCsvReport } from '../../storage/csv-import.js';
import { isAbortError } from '../../storage/store-error.js';
import { styles } from './customer-import.styles.js';
import '../../i18n/en-audiences.js';

/** Rows shown, and checked, before anything is imported. */
const PREVIEW_ROWS = 5;
/** How much of the file is read for the preview. */
const SAMPLE_BYTES = 64 * 1024;

interface Sample {
  file: File;
  headers: string[];
  rows: string[][];
}

/**
 * Brings customers in from a CSV file: pick the file, check which property each column goes to
 * (suggested by technical name and label), see the first rows with what is wrong in them, check
 * the whole file without writing (a dry run), then import it, with a progress bar and Cancel. The
 * report names every refused row with its number, column and the reason in words, and the
 * columns that were left out. Built on `importCustomersCsv`: the file is read a chunk at a time,
 * never whole.
 *
 * What a user may write is the store's to decide: against the server half, creating customers
 * takes an admin role, and each value the same rights as in the panel.
 *
 * @summary Imports customers from a CSV file: map columns, preview, dry run, import.
 *
 * @fires customers-imported - An import or a dry run finished: `detail.report` (`ImportCsvReport`) and `detail.dryRun`.
 *
 * @csspart base - The whole element.
 * @csspart title - The heading.
 * @csspart mapping - The table of columns and the properties they go to.
 * @csspart preview - The first rows and their problems.
 * @csspart progress - The progress bar of a run.
 * @csspart report - What the last run did.
 *
 * @cssprop --cp-color-border - Table rules.
 * @cssprop --cp-color-error - Problems.
 * @cssprop --cp-color-text-muted - Hints.
 * @cssprop --cp-radius - Corner radius.
 * @cssprop --cp-font-family - Font.
 */
@customElement('customer-import')
export class CustomerImport extends StoreElement {
  static override styles = [tokens, inputStyles, styles];

  @state() private sample: Sample | undefined;
  /** Column header → technical name, `''` for left out. */
  @state() private mapping: Record<string, string> = {};
  @state() private fileLocale = '';
  @state() private match: 'id' | 'channel-number' = 'id';
  /** The preview's problems by row number (2 is the first row after the header). */
  @state() private previewProblems = new Map<number, string[]>();
  @state() private checkingPreview = false;
  @state() private running:
    { dryRun: boolean; rows: number; fraction: number; controller: AbortController } | undefined;
  @state() private report: { report: ImportCsvReport; dryRun: boolean } | undefined;
  @state() private outcome = '';
  @state() private failure = '';

  #definitions = new DefinitionsController(this, () => this.activeStore, { onChange: () => this.#suggest() });
  #previewSequence = 0;

  get #locale(): string {
    return this.fileLocale || this.effectiveLocale.split('-')[0] || 'en';
  }

  async #choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.report = undefined;
    this.outcome = '';
    this.failure = '';
    if (!file) {
      this.sample = undefined;
      return;
    }
    const head = (await file.slice(0, SAMPLE_BYTES).text()).replace(/^\uFEFF/, '');
    const { default: Papa } = await import('papaparse');
    // The last line of the slice may be cut: it is left out unless the slice is the whole file.
    const records = Papa.parse<string[]>(head, { skipEmptyLines: true }).data;
    const whole = file.size <= SAMPLE_BYTES;
    const [headers = [], ...rows] = whole ? records : records.slice(0, -1);
    this.sample = { file, headers: headers.map((h) => h.trim()), rows: rows.slice(0, PREVIEW_ROWS) };
    this.#suggest();
  }

  /** The suggested property of every column, and the match that fits them. */
  #suggest(): void {
    const sample = this.sample;
    if (!sample) return;
    const suggested = suggestCsvMapping(sample.headers, this.#definitions.definitions, this.#locale);
    this.mapping = Object.fromEntries(sample.headers.map((header, i) => [header, suggested[i] ?? '']));
    this.match = Object.values(this.mapping).includes('id') ? 'id' : 'channel-number';
    void this.#checkPreview();
  }

  #options() {
    return {
      mapping: Object.fromEntries(Object.entries(this.mapping).map(([header, name]) => [header, name || null])),
      match: this.match,
      locale: this.#locale,
      messageLocale: this.effectiveLocale,
    };
  }

  /** A dry run of the first rows alone: their problems, as the whole run would find them. */
  async #checkPreview(): Promise<void> {
    const sample = this.sample;
    const store = this.activeStore;
    if (!sample || !store) return;
    const sequence = ++this.#previewSequence;
    this.checkingPreview = true;
    const { default: Papa } = await import('papaparse');
    const text = Papa.unparse([sample.headers, ...sample.rows], { newline: '\r\n' });
    try {
      const { rejected } = await importCustomersCsv(store, text, { ...this.#options(), dryRun: true });
      if (sequence !== this.#previewSequence) return;
      const problems = new Map<number, string[]>();
      for (const r of rejected)
        problems.set(r.row, [...(problems.get(r.row) ?? []), this.#rejection(r.column, r.message)]);
      this.previewProblems = problems;
    } catch (error) {
      if (sequence === this.#previewSequence) this.failure = this.catalog.customerImport.failed(this.describe(error));
    } finally {
      if (sequence === this.#previewSequence) this.checkingPreview = false;
    }
  }

  #rejection(column: string | undefined, message: string): string {
    return column ? `${column}: ${message}` : message;
  }

  async #run(dryRun: boolean): Promise<void> {
    const store = this.activeStore;
    const file = this.sample?.file;
    const messages = this.catalog.customerImport;
    if (!file) {
      this.failure = messages.noFile;
      return;
    }
    if (!store || this.running) return;
    const controller = new AbortController();
    this.running = { dryRun, rows: 0, fraction: 0, controller };
    this.report = undefined;
    this.outcome = '';
    this.failure = '';
    try {
      const report = await importCustomersCsv(store, file, {
        ...this.#options(),
        dryRun,
        signal: controller.signal,
        onProgress: ({ rows, fraction }) => {
          if (this.running?.controller === controller)
            this.running = { ...this.running, rows, fraction: fraction ?? this.running.fraction };
        },
      });
      this.report = { report, dryRun };
      const words = dryRun ? messages.dryReport : messages.report;
      this.outcome = words(report.rows, report.written, report.created, report.rejected.length);
      this.dispatchEvent(new CustomersImportedEvent(report, dryRun));
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) this.outcome = messages.cancelled(this.running?.rows ?? 0);
      else this.failure = messages.failed(this.describe(error));
    } finally {
      this.running = undefined;
    }
  }

  override render() {
    const messages = this.catalog.customerImport;
    return html`<section part="base" aria-labelledby="title">
      <h2 part="title" id="title">${messages.title}</h2>
      <div class="field">
        <label for="file">${messages.file}</label>
        <input id="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" ?disabled=${Boolean(this.running)}
          @change=${(e: Event) => void this.#choose(e)} />
        <p id="file-hint" part="help-text">${messages.fileHint}</p>
      </div>
      ${this.sample ? this.#renderSettings(this.sample) : nothing}
      ${this.#renderRun()}
    </section>`;
  }

  #renderSettings(sample: Sample) {
    const messages = this.catalog.customerImport;
    // The labels in the viewer's language; the mapping keeps names.
    const custom = localizeDefinitions(this.#definitions.definitions, this.effectiveLocale).filter(
      (def) => !def.builtIn,
    );
    const locales = [...new Set([this.#locale, ...registeredLocales()])];
    const changed = () => void this.#checkPreview();
    return html`<div class="settings">
        <div class="field">
          <label for="locale">${messages.locale}</label>
          <select id="locale" @change=${(e: Event) => ((this.fileLocale = (e.target as HTMLSelectElement).value), changed())}>
            ${locales.map((tag) => html`<option value=${tag} ?selected=${tag === this.#locale}>${languageName(tag, this.effectiveLocale)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="match">${messages.match}</label>
          <select id="match" @change=${(e: Event) => ((this.match = (e.target as HTMLSelectElement).value as 'id' | 'channel-number'), changed())}>
            <option value="id" ?selected=${this.match === 'id'}>${messages.matchId}</option>
            <option value="channel-number" ?selected=${this.match === 'channel-number'}>${messages.matchChannelNumber}</option>
          </select>
        </div>
      </div>
      <table part="mapping">
        <caption>${messages.mapping}</caption>
        <thead><tr><th scope="col">${messages.column}</th><th scope="col">${messages.property}</th></tr></thead>
        <tbody>
          ${sample.headers.map(
            (header, i) => html`<tr>
              <th scope="row" id=${`column-${i}`}>${header}</th>
              <td><select aria-labelledby=${`column-${i}`} data-column=${header}
                @change=${(e: Event) => ((this.mapping = { ...this.mapping, [header]: (e.target as HTMLSelectElement).value }), changed())}>
                <option value="" ?selected=${!this.mapping[header]}>${messages.ignore}</option>
                ${CSV_DEFAULT_COLUMNS.map((name) => html`<option value=${name} ?selected=${this.mapping[header] === name}>${name}</option>`)}
                ${custom.map((def) => html`<option value=${def.name} ?selected=${this.mapping[header] === def.name}>${def.label}</option>`)}
              </select></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">
        <table part="preview" aria-busy=${this.checkingPreview ? 'true' : 'false'}>
          <caption id="preview-caption">${messages.preview(sample.rows.length)}</caption>
          <thead><tr>
            <th scope="col">${messages.row}</th>
            ${sample.headers.map((header) => html`<th scope="col">${header}</th>`)}
            <th scope="col">${messages.problems}</th>
          </tr></thead>
          <tbody>
            ${sample.rows.map((cells, i) => {
              const problems = this.previewProblems.get(i + 2) ?? [];
              return html`<tr class=${problems.length ? 'bad' : ''}>
                <th scope="row">${i + 2}</th>
                ${sample.headers.map((_, c) => html`<td>${cells[c] ?? ''}</td>`)}
                <td class=${problems.length ? 'problem' : ''}>${problems.length ? problems.join(' ') : messages.none}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  #renderRun() {
    const messages = this.catalog.customerImport;
    const running = this.running;
    const report = this.report?.report;
    return html`<div class="buttons">
        <button type="button" ?disabled=${Boolean(running)} @click=${() => void this.#run(true)}>${messages.dryRun}</button>
        <button type="button" class="primary" ?disabled=${Boolean(running)} @click=${() => void this.#run(false)}>${messages.importNow}</button>
        ${running ? html`<button type="button" @click=${() => running.controller.abort()}>${messages.cancel}</button>` : nothing}
      </div>
      ${running ? html`<progress part="progress" aria-label=${messages.title} max="1" value=${running.fraction}></progress>` : nothing}
      <p role="status" aria-live="polite">${running ? messages.progress(running.rows) : this.outcome}</p>
      ${this.failure ? html`<p class="problem" role="alert">${this.failure}</p>` : nothing}
      ${
        report
          ? html`<div part="report">
            ${report.unknownColumns.length ? html`<p>${messages.unknownColumns(report.unknownColumns)}</p>` : nothing}
            ${
              report.rejected.length
                ? html`<h3>${messages.rejectedTitle}</h3>
                  <ul>${report.rejected.map((r) => html`<li>${messages.rejectedRow(r.row, r.column ?? '', r.message)}</li>`)}</ul>`
                : nothing
            }
          </div>`
          : nothing
      }`;
  }
}

/** A language's own name in the viewer's language ("German"), else its tag. */
function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-import': CustomerImport;
  }
}

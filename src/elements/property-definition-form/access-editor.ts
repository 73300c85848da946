import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { propertyAccess } from '../../model/index.js';
import type { Level, SectionHost } from './draft.js';

const LEVELS: Level[] = ['none', 'view', 'edit'];
const RANK: Record<Level, number> = { none: 0, view: 1, edit: 2 };

function roleName(form: SectionHost, role: string): string {
  return role === '*' ? form.messages.everyone : (form.messages.roleNames[role] ?? role);
}

/** The roles with a row: those offered, and any other the definition already names (so nothing is hidden). */
function rolesOf(form: SectionHost): string[] {
  const extra = Object.keys(form.draft.access).filter((role) => role !== '*' && !form.roles.includes(role));
  return [...form.roles, ...extra];
}

/**
 * What a user with `roles` may do with the property as drafted: `propertyAccess`, the rule the
 * server enforces, so the summary cannot say what is not so.
 */
function levelFor(form: SectionHost, roles: string[]): Level {
  return propertyAccess({ kind: 'user', id: '', roles }, form.definition());
}

/**
 * Access control: a level for everyone and per role, and who will see and who will edit, in words.
 * A user's level is the highest over everyone's and their roles', so a role row offers only what
 * gives more than everyone has: with "Everyone: View" a role may get Edit (its View is everyone's),
 * with "Everyone: Edit" there is nothing to give and the role rows give way to a sentence saying
 * so. With "Show to agents" off no level changes anything: they are disabled, and say why. A
 * role's level at or below everyone's is not kept, so what the rows show is what is saved.
 */
export function renderAccess(form: SectionHost) {
  const messages = form.messages;
  const draft = form.draft;
  const levelOf = (role: string): Level => draft.access[role] ?? 'none';
  const everyone = levelOf('*');
  const roles = rolesOf(form);
  // A role row shows what the role gets: its own level or everyone's, whichever is higher.
  const effective = (role: string): Level => (RANK[everyone] >= RANK[levelOf(role)] ? everyone : levelOf(role));
  const who = (minimum: Level) => {
    if (RANK[levelFor(form, [])] >= RANK[minimum]) return messages.everyoneWord;
    const names = roles
      .filter((role) => RANK[levelFor(form, [role])] >= RANK[minimum])
      .map((role) => roleName(form, role));
    return names.length ? new Intl.ListFormat(form.locale).format(names) : '';
  };
  const sees = who('view');
  const edits = who('edit');
  const off = !draft.showToAgent;
  /**
   * Sets a level; a role's own level at or below everyone's changes nothing and is not kept, so
   * what the rows show is what is saved (raising everyone's drops the roles it covers).
   */
  const choose = (role: string, level: Level) => {
    // The draft as it is now: two clicks may come before the next render.
    const access = { ...form.draft.access, [role]: level };
    const floor = role === '*' ? level : (access['*'] ?? 'none');
    for (const other of Object.keys(access)) {
      if (other !== '*' && RANK[access[other]!] <= RANK[floor]) delete access[other];
    }
    form.update({ access }, 'access');
  };
  const note = off
    ? messages.accessOff
    : everyone === 'edit'
      ? messages.everyoneEditsAlready
      : everyone === 'view'
        ? messages.everyoneViewsAlready
        : '';
  const row = (role: string, offered: Level[]) => html`<fieldset>
    <legend>${roleName(form, role)}</legend>
    ${LEVELS.map((level, index) => {
      // A level below everyone's would change nothing: its column stays empty.
      if (!offered.includes(level)) return html`<span class="no-choice"></span>`;
      const checked = (role === '*' ? everyone : effective(role)) === level;
      return html`<label><input type="radio" name="access-${role}" id=${index === LEVELS.indexOf(offered[0]!) ? `access-${role}` : nothing}
        .checked=${live(checked)} ?disabled=${off} @change=${() => choose(role, level)} />${messages.levels[level]}</label>`;
    })}
  </fieldset>`;
  // One string: sentences kept apart by a space that no template minifier can fold away.
  const summary = [
    sees ? messages.whoSees(sees) : messages.nobodySees,
    edits ? messages.whoEdits(edits) : messages.nobodyEdits,
    draft.showToCustomer ? messages.customersEdit : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<fieldset class="access" aria-describedby=${note ? 'access-note access-summary' : 'access-summary'}>
      <legend>${messages.access}</legend>
      <div class="levels">
        ${row('*', LEVELS)}
        ${
          everyone === 'edit'
            ? nothing
            : roles.map((role) =>
                row(
                  role,
                  LEVELS.filter((level) => RANK[level] >= RANK[everyone]),
                ),
              )
        }
      </div>
      ${note ? html`<p part="help-text" id="access-note">${note}</p>` : nothing}
      <p part="summary" id="access-summary" aria-live="polite">${summary}</p>
      ${form.fieldErrors('access', 'access')}
    </fieldset>`;
}

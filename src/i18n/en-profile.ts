/** The English words of `<customer-profile-form>` and the profile link (see `en.ts`). */
import type { Catalog } from './catalog.js';
import { count } from './en.js';
import { addEnglish } from './locales.js';

addEnglish({
  profile: {
    reply: (link) => `Here is your profile page: ${link}`,
    linkInvalid: 'This link does not work any more. Send “profile” in the chat to get a new one.',
    noCredential: 'This page cannot open profile links. Please tell the business that sent you the link.',
    noStore:
      'Your details cannot be shown: this page has no store to load them from. Please tell the business that sent you the link.',
    title: 'Your details',
    intro: 'Check your details and change what is not right.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Your details are saved.',
    nothingChanged: 'Nothing has changed, so there was nothing to save.',
    invalid: (n) => `${n === 1 ? 'One field needs' : `${count(n)} fields need`} your attention before saving.`,
    failed: (reason) => `Your changes are not saved yet (${reason}). They are still here: try again in a moment.`,
    conflict: (labels) =>
      `${labels} changed elsewhere while you were editing. Your changes are still here: check them and save again.`,
    empty: 'There is nothing to fill in here yet.',
  },
} satisfies Partial<Catalog>);

// The demo app: an agent workspace, the customer's profile page, the admin's property list, the
// audience builder and a playground, on one context. Under `npm start` the data lives on
// customer-properties/server (demo/api.ts); in the static build, in this browser (connection.ts).
import '../src/index.js';
import '../src/i18n/de.js';
import { catalogFor } from '../src/i18n/locales.js';
import { provideCustomerProperties, type CustomerPropertiesUser, type MapsOptions } from '../src/context.js';
import type { CustomerDetailsPanel } from '../src/elements/customer-details-panel/customer-details-panel.js';
import type { CustomerProfileForm } from '../src/elements/customer-profile-form/customer-profile-form.js';
import type { Customer } from '../src/model/index.js';
import { connect, splitLink } from './connection.js';
import { onLanguage, setLanguage, words } from './language.js';
import type { DemoWords } from './words.js';
import './model-playground.js';
import './editor-demo.js';
import './location-demo.js';
import './api-page.js';

const MAPS_KEY = 'customer-properties-demo:maps';
const SETTINGS_KEY = 'customer-properties-demo:settings';

const settings = document.querySelector<HTMLFormElement>('#settings')!;
const field = (name: string) => settings.elements.namedItem(name) as HTMLSelectElement;
const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Record<string, string>;
for (const name of ['locale', 'theme', 'role']) if (saved[name]) field(name).value = saved[name]!;
const maps = JSON.parse(localStorage.getItem(MAPS_KEY) ?? '{}') as MapsOptions;

function user(): CustomerPropertiesUser {
  const role = field('role').value;
  return { id: `demo-${role}`, roles: [role], name: `${role[0]!.toUpperCase()}${role.slice(1)} (demo)` };
}

const connection = await connect();
let store = connection.storeFor(field('role').value);
onLanguage((words, locale) => {
  document.querySelector('#data-source')!.textContent = connection.live
    ? words.dataSource.live
    : words.dataSource.static;
  // The library's own name for the audience list's button, which the admin page's note refers to.
  document.querySelector('#export-csv')!.textContent = catalogFor(locale).audienceMembers.exportCsv;
});

const providers = provideCustomerProperties(document.body, {
  store,
  user: user(),
  locale: field('locale').value,
  ...(maps.apiKey ? { maps } : {}),
});

function applySettings(): void {
  const locale = field('locale').value;
  const theme = field('theme').value;
  setLanguage(locale);
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.classList.toggle('brand', theme === 'brand');
  const next = connection.storeFor(field('role').value);
  // A store per role: what the server sends depends on who asks, so the elements load again.
  if (next !== store) {
    store = next;
    void showConversations();
  }
  providers.set({ locale, user: user(), store });
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ locale, theme, role: field('role').value }));
}
settings.addEventListener('change', applySettings);
applySettings();

async function resetDemo(): Promise<void> {
  await connection.reset();
  store = connection.storeFor(field('role').value);
  providers.set({ store });
  messages.clear();
  await showConversations();
}
document.querySelector('#reset')!.addEventListener('click', () => void resetDemo());

// ——— Google Maps key ———
const mapsDialog = document.querySelector<HTMLDialogElement>('#maps-dialog')!;
const mapsForm = document.querySelector<HTMLFormElement>('#maps-form')!;
document.querySelector('#open-maps')!.addEventListener('click', () => {
  (mapsForm.elements.namedItem('key') as HTMLInputElement).value = maps.apiKey ?? '';
  (mapsForm.elements.namedItem('mapId') as HTMLInputElement).value = maps.mapId ?? '';
  mapsDialog.showModal();
});
mapsDialog.addEventListener('close', () => {
  if (mapsDialog.returnValue !== 'save') return;
  const data = new FormData(mapsForm);
  const text = (name: string) => {
    const entry = data.get(name);
    return typeof entry === 'string' ? entry.trim() : '';
  };
  const apiKey = text('key');
  const mapId = text('mapId');
  localStorage.setItem(MAPS_KEY, JSON.stringify({ ...(apiKey ? { apiKey } : {}), ...(mapId ? { mapId } : {}) }));
  // Google's script takes one key per page.
  location.reload();
});

// ——— the workspace: conversations, chat, details ———
/**
 * A chat message: what the customer typed (`text`), or the demo's words (`word`), or the reply with
 * a profile link, worded in the page's language when shown.
 */
type Message = { from: 'customer' | 'agent'; text?: string; word?: keyof DemoWords['chat']; link?: string };
const messages = new Map<string, Message[]>();
const panel = document.querySelector<CustomerDetailsPanel>('#panel')!;
const list = document.querySelector<HTMLUListElement>('#conversation-list')!;
const thread = document.querySelector<HTMLOListElement>('#messages')!;
const composer = document.querySelector<HTMLFormElement>('#composer')!;
let customers: Customer[] = [];
let selected = '';

const CHANNELS: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  sms: 'SMS',
  messenger: 'Messenger',
};
const OPENERS = ['order', 'size', 'address', 'thanks'] as const;

function conversation(id: string): Message[] {
  let thread = messages.get(id);
  if (!thread) {
    const n = Number(id.slice(2));
    thread = [
      { from: 'customer', word: OPENERS[n % OPENERS.length]! },
      { from: 'agent', word: 'greeting' },
    ];
    messages.set(id, thread);
  }
  return thread;
}

async function showConversations(): Promise<void> {
  customers = (await store.findCustomers({ match: 'all', conditions: [] }, { limit: 100 })).customers;
  list.replaceChildren(
    ...customers.map((customer) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.customer = customer.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = customer.name;
      const channel = document.createElement('span');
      channel.className = 'channel';
      channel.textContent = CHANNELS[customer.channel ?? ''] ?? customer.channel ?? '';
      button.append(name, channel);
      button.addEventListener('click', () => select(customer.id));
      const item = document.createElement('li');
      item.append(button);
      return item;
    }),
  );
  select(selected && customers.some((c) => c.id === selected) ? selected : (customers[0]?.id ?? ''));
}

function select(id: string): void {
  selected = id;
  for (const button of list.querySelectorAll('button')) {
    if (button.dataset.customer === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  panel.customerId = id;
  const customer = customers.find((c) => c.id === id);
  document.querySelector('#chat-title')!.textContent = customer ? customer.name : words().workspace.chat;
  renderThread();
}

/** A message in the page's language: the live reply is the library's sentence around the link. */
function wording(message: Message): string {
  if (message.word) return words().chat[message.word];
  if (message.link && !message.text)
    return splitLink(catalogFor(field('locale').value).profile.reply(message.link)).text;
  return message.text ?? '';
}

function renderThread(): void {
  thread.replaceChildren(
    ...conversation(selected).map((message) => {
      const item = document.createElement('li');
      item.className = message.from;
      item.textContent = wording(message);
      if (message.link) {
        const link = document.createElement('a');
        link.href = message.link;
        link.textContent = new URL(message.link, location.href).href;
        item.append(' ', link);
      }
      return item;
    }),
  );
  thread.lastElementChild?.scrollIntoView({ block: 'nearest' });
}

async function send(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = composer.elements.namedItem('text') as HTMLInputElement;
  const text = input.value.trim();
  const customerId = selected;
  if (!text || !customerId) return;
  const current = conversation(customerId);
  current.push({ from: 'customer', text });
  input.value = '';
  renderThread();
  // The product's rule: a customer who sends "profile" gets a signed link to their own profile page.
  const reply = await connection.reply(customerId, text, field('locale').value);
  if (reply) {
    // The static build's link is unsigned, and its sentence says so.
    current.push(
      reply.signed ? { from: 'agent', link: reply.link } : { from: 'agent', word: 'staticReply', link: reply.link },
    );
    if (selected === customerId) renderThread();
  }
}
composer.addEventListener('submit', (event) => void send(event));

// The chat's title and messages are the demo's words too.
onLanguage(() => {
  const customer = customers.find((c) => c.id === selected);
  document.querySelector('#chat-title')!.textContent = customer ? customer.name : words().workspace.chat;
  renderThread();
});

store.subscribe?.((event) => {
  if (event.type === 'customer-changed') {
    const button = list.querySelector(`button[data-customer="${event.customer.id}"] .name`);
    if (button) button.textContent = event.customer.name;
  }
});

// ——— pages ———
const profile = document.querySelector<CustomerProfileForm>('#profile')!;

function route(): void {
  // A signed profile link, `#token=…`: the customer's own page. The form reads the token and takes
  // it out of the address bar (`token-from-fragment`).
  const signedLink = location.hash.startsWith('#token=');
  if (signedLink) {
    profile.store = connection.profileStore();
    profile.tokenFromFragment = true;
  }
  const [page = 'workspace', id] = location.hash.replace(/^#/, '').split('/');
  const known = signedLink
    ? 'profile'
    : ['workspace', 'profile', 'admin', 'audiences', 'playground', 'api'].includes(page)
      ? page
      : 'workspace';
  for (const section of document.querySelectorAll<HTMLElement>('main > .page'))
    section.hidden = section.id !== `page-${known}`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.app-bar nav a')) {
    if (link.hash === `#${known}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (known === 'profile' && id && !connection.live) profile.customerId = id;
}
window.addEventListener('hashchange', route);
route();
void showConversations();

/*
 * Signed, expiring profile links: the product's rule "the customer sends `profile` and gets a link
 * to their page". A token is `cp1.<payload>.<signature>`, both base64url: the payload is
 * `{"c": customerId, "e": expiry in Unix seconds}`, the signature HMAC-SHA-256 over `cp1.<payload>`
 * with the host's secret (RFC 2104, through Web Crypto, whose `verify` compares in constant time).
 * Runs in Node 20 and any Web-standard runtime.
 */
import { catalogFor } from '../i18n/locales.js';
import '../i18n/de.js';
import '../i18n/en-profile.js';

const PREFIX = 'cp1';
const DEFAULT_LIFETIME_SECONDS = 86_400;
const MIN_SECRET_BYTES = 32;
const encoder = new TextEncoder();

/** The secret as bytes: a string is taken as UTF-8. Shorter than 32 bytes throws. */
export type ProfileSecret = string | Uint8Array;

const keys = new WeakMap<object, Promise<CryptoKey>>();
const stringKeys = new Map<string, Promise<CryptoKey>>();

function secretBytes(secret: ProfileSecret): Uint8Array {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(`The profile secret must be at least ${MIN_SECRET_BYTES} bytes.`);
  }
  return bytes;
}

function hmacKey(secret: ProfileSecret): Promise<CryptoKey> {
  const cached = typeof secret === 'string' ? stringKeys.get(secret) : keys.get(secret);
  if (cached) return cached;
  const bytes = secretBytes(secret);
  const key = crypto.subtle.importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  if (typeof secret === 'string') stringKeys.set(secret, key);
  else keys.set(secret, key);
  return key;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export interface CreateProfileTokenOptions {
  customerId: string;
  secret: ProfileSecret;
  /** How long the link works; default 86,400 (a day). */
  expiresInSeconds?: number;
  now?: Date;
}

/** A token that opens one customer's profile until it expires. Throws on a secret under 32 bytes. */
export async function createProfileToken({
  customerId,
  secret,
  expiresInSeconds = DEFAULT_LIFETIME_SECONDS,
  now = new Date(),
}: CreateProfileTokenOptions): Promise<string> {
  if (typeof customerId !== 'string' || customerId === '') throw new TypeError('A profile token needs a customer id.');
  if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0)
    throw new TypeError('expiresInSeconds must be positive.');
  const expires = Math.floor(now.getTime() / 1000) + Math.floor(expiresInSeconds);
  const payload = base64url(encoder.encode(JSON.stringify({ c: customerId, e: expires })));
  const signed = `${PREFIX}.${payload}`;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(signed)));
  return `${signed}.${base64url(signature)}`;
}

/** Whether a bearer credential is meant as a profile token (and so must verify, or be refused). */
export function isProfileToken(token: string): boolean {
  return token.startsWith(`${PREFIX}.`);
}

/**
 * The customer a token opens and when it expires, or `null` when it is not one of ours, was
 * altered, was signed with another secret, or has expired: one answer for every failure, so a
 * caller learns nothing about which customers exist.
 */
export async function verifyProfileToken(
  token: string,
  { secret, now = new Date() }: { secret: ProfileSecret; now?: Date },
): Promise<{ customerId: string; expiresAt: Date } | null> {
  if (typeof token !== 'string' || token.length > 2048) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, payload = '', signatureText = ''] = parts;
  const signature = fromBase64url(signatureText);
  // One spelling per token: the last character carries unused bits, which must be zero.
  if (!signature || signature.byteLength !== 32 || base64url(signature) !== signatureText) return null;
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret),
    signature as BufferSource,
    encoder.encode(`${PREFIX}.${payload}`),
  );
  if (!valid) return null;
  const bytes = fromBase64url(payload);
  if (!bytes || base64url(bytes) !== payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  const { c, e } = (claims ?? {}) as { c?: unknown; e?: unknown };
  if (typeof c !== 'string' || c === '' || typeof e !== 'number' || !Number.isFinite(e)) return null;
  if (now.getTime() >= e * 1000) return null;
  return { customerId: c, expiresAt: new Date(e * 1000) };
}

export interface ProfileLinkOptions {
  customerId: string;
  secret: ProfileSecret;
  /** The page that holds `<customer-profile-form>`, e.g. `https://shop.example/profile`. */
  pageUrl: string;
  expiresInSeconds?: number;
  now?: Date;
}

/**
 * The link to a customer's profile page, with the token in the URL fragment (`#token=…`): a
 * fragment is not sent to the server that serves the page, so it stays out of its logs.
 */
export async function profileLink({ pageUrl, ...token }: ProfileLinkOptions): Promise<string> {
  const url = new URL(pageUrl);
  url.hash = `token=${await createProfileToken(token)}`;
  return url.toString();
}

/**
 * The product's rule: a customer who sends the text `profile` (trimmed, in any case) gets a reply
 * with a signed link to their own profile page, worded in their locale (`de-AT` → `de` → English).
 * Any other text: `null`, nothing to reply.
 */
export async function replyToCustomerMessage(
  text: string,
  options: ProfileLinkOptions & { locale?: string | undefined },
): Promise<string | null> {
  if (typeof text !== 'string' || text.trim().toLowerCase() !== 'profile') return null;
  const { locale, ...link } = options;
  return catalogFor(locale).profile.reply(await profileLink(link));
}

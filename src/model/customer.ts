import type { ValueError } from './errors.js';

/** Channels that identify a customer by phone number (E.164). */
export const PHONE_CHANNELS: readonly string[] = ['whatsapp', 'sms', 'viber', 'rcs', 'voice'];
/** Channels that identify a customer by a numeric id. */
export const NUMERIC_ID_CHANNELS: readonly string[] = ['telegram', 'messenger', 'instagram'];

const E164 = /^\+[1-9]\d{7,14}$/;
const NUMERIC_ID = /^\d{1,20}$/;

/**
 * Checks a customer's default `number` against its channel: `+` and 8–15 digits for WhatsApp and
 * other phone channels, digits for Telegram and other id channels, any non-empty text elsewhere.
 */
export function validateCustomerNumber(number: unknown, channel: string | undefined): ValueError | null {
  const kind = channel?.toLowerCase() ?? '';
  let problem: ValueError | null = null;
  if (typeof number !== 'string' || number.trim() === '') problem = { code: 'required', params: {} };
  else if (PHONE_CHANNELS.includes(kind) && !E164.test(number)) problem = { code: 'channel.phone', params: {} };
  else if (NUMERIC_ID_CHANNELS.includes(kind) && !NUMERIC_ID.test(number)) problem = { code: 'channel.id', params: {} };
  return problem;
}

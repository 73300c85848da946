/*
 * Saved audiences: a named query kept by a store (DESIGN §8, "Saved audiences"). The checks every
 * store applies before it keeps one, as pure functions.
 */
import { validateAudience, type AudienceError } from './audience.js';
import type { AudienceQuery, PropertyDefinition } from './types.js';

/** An audience someone named and kept: the query, not the customers (they are found again each time). */
export interface SavedAudience {
  /** Given by the store; stable. */
  id: string;
  /** 1–100 characters after trimming, unique among the store's audiences without regard to case. */
  name: string;
  query: AudienceQuery;
  /** Who saved it first: a user's id, or the store's author. */
  createdBy?: string;
  /** When it was last saved, as an ISO 8601 instant. */
  updatedAt: string;
}

/** What `saveAudience` takes: without `id` a new audience, with one a change of that audience. */
export interface SavedAudienceInit {
  id?: string;
  name: string;
  query: AudienceQuery;
}

/** The most characters a saved audience's name may have (after trimming). */
export const AUDIENCE_NAME_MAX = 100;

/** The form two names are compared in: trimmed, NFC, lower case. */
export function audienceNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * Every problem of an audience about to be saved, `[]` when it may be kept: its name (required,
 * at most `AUDIENCE_NAME_MAX` characters, not taken by another of `existing`, whatever the case;
 * code `audience.name.*`, path `[]`) and its query (`validateAudience`).
 */
export function validateSavedAudience(
  audience: SavedAudienceInit,
  existing: readonly SavedAudience[],
  definitions: readonly PropertyDefinition[],
): AudienceError[] {
  const errors: AudienceError[] = [];
  const name = typeof audience.name === 'string' ? audience.name.trim() : '';
  if (name === '') errors.push({ code: 'audience.name.required', params: {}, path: [] });
  else if ([...name].length > AUDIENCE_NAME_MAX) {
    errors.push({
      code: 'audience.name.length',
      params: { max: AUDIENCE_NAME_MAX, length: [...name].length },
      path: [],
    });
  } else {
    const key = audienceNameKey(name);
    if (existing.some((other) => other.id !== audience.id && audienceNameKey(other.name) === key)) {
      errors.push({ code: 'audience.name.taken', params: { name }, path: [] });
    }
  }
  errors.push(...validateAudience(audience.query, definitions));
  return errors;
}

/** Saved audiences in the order every store lists them: by name without regard to case, then by id. */
export function sortAudiences<T extends SavedAudience>(audiences: readonly T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...audiences].sort(
    (a, b) => compare(audienceNameKey(a.name), audienceNameKey(b.name)) || compare(a.id, b.id),
  );
}

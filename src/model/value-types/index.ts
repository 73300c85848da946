import type { PropertyDefinition, PropertyType } from '../types.js';
import { multipleChoiceType, singleChoiceType } from './choice.js';
import { dateType } from './date.js';
import { locationType } from './location.js';
import { numberType } from './number.js';
import type { PropertyTypeSpec } from './spec.js';
import { textType } from './text.js';
import { timeType } from './time.js';
import { wordType } from './word.js';

export type { OperatorSpec, Operand, PropertyTypeSpec, ValueTest } from './spec.js';

/**
 * One spec per type, and the only place the eight types are listed with their behaviour: parse,
 * format, validate, audience operators, options, pattern, input, example, form value. A ninth type
 * fails the compile here until it has a spec.
 */
export const PROPERTY_TYPE_SPECS = {
  number: numberType,
  text: textType,
  word: wordType,
  'single-choice': singleChoiceType,
  'multiple-choice': multipleChoiceType,
  location: locationType,
  date: dateType,
  time: timeType,
} as const satisfies Record<PropertyType, PropertyTypeSpec>;

/** The spec of a definition's type; `undefined` for a type this version does not know. */
export function specFor(def: Pick<PropertyDefinition, 'type'>): PropertyTypeSpec | undefined {
  return Object.hasOwn(PROPERTY_TYPE_SPECS, def.type) ? PROPERTY_TYPE_SPECS[def.type] : undefined;
}

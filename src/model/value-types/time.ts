import type { PropertyTypeSpec } from './spec.js';
import { fail, inputText, ok } from './spec.js';
import { timeDisplay, timeProblem } from './display.js';
import { dayPeriodWords, formatIsoTime, timePattern, withoutPatternWords } from './calendar.js';

// Typed text arrives lower case, with every run of spaces (ICU's no-break ones too) made one space.
const TWENTY_FOUR_HOUR = /^(\d{1,2})(?: ?[:.h] ?| )(\d{2})$/;
const TWELVE_HOUR = /^(\d{1,2})(?:(?: ?[:.h] ?| )(\d{2}))? ?([ap])\.? ?m\.?$/;
const HOURS = /^(\d{1,2})(?:(?: ?[:.h] ?| )(\d{2}))?$/;

type Clock = { hours: number; minutes: number } | 'format' | 'range';

function twelveHour(hours: number, minutes: number, pm: boolean): Clock {
  if (hours < 1 || hours > 12 || minutes > 59) return 'range';
  return { hours: (hours % 12) + (pm ? 12 : 0), minutes };
}

function parseTimeText(text: string, locale: string): Clock {
  const typed = withoutPatternWords(text, timePattern(locale)).replace(/\s+/g, ' ');
  const plain = TWENTY_FOUR_HOUR.exec(typed);
  if (plain) {
    const hours = Number(plain[1]);
    const minutes = Number(plain[2]);
    return hours > 23 || minutes > 59 ? 'range' : { hours, minutes };
  }
  const english = TWELVE_HOUR.exec(typed);
  if (english) return twelveHour(Number(english[1]), Number(english[2] ?? 0), english[3] === 'p');
  // The locale's own day periods, and those another runtime writes for it, before or after the time
  // (`오후 9:05`, `PM 9:05`, `9:05 μ.μ.`); the longer word first, in case one holds the other.
  const periods = dayPeriodWords(locale).map(([word, pm]) => [word.toLowerCase().replace(/\s+/g, ' '), pm] as const);
  for (const [period, isPm] of periods.sort((a, b) => b[0].length - a[0].length)) {
    if (!period || !typed.includes(period)) continue;
    const rest = HOURS.exec(typed.replace(period, '').trim());
    if (rest) return twelveHour(Number(rest[1]), Number(rest[2] ?? 0), isPm);
  }
  return 'format';
}

/** Hours and minutes, never seconds: `21:05`, `9:05`, `9:05 PM`, `9 pm`, `21.05`, `21h05`. */
export const timeType: PropertyTypeSpec = {
  ...timeDisplay,
  parse(_def, input, locale) {
    const text = inputText(input);
    if (text === undefined) return fail({ code: 'value.type', params: { expected: 'time' } });
    if (text.trim() === '') return ok(null);
    const clock = parseTimeText(text, locale);
    if (clock === 'range') return fail({ code: 'time.range', params: {} });
    if (clock === 'format') {
      return fail({ code: 'time.format', params: { example: formatIsoTime('21:05', locale) } });
    }
    return ok(`${String(clock.hours).padStart(2, '0')}:${String(clock.minutes).padStart(2, '0')}`);
  },
  canonical(_def, value) {
    const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
    return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
  },
  validate: (_def, value) => timeProblem(value),
  operators: {
    before: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && v < (operand as string) },
    after: { operand: 'one', test: (operand) => (v) => typeof v === 'string' && v > (operand as string) },
    between: {
      operand: 'pair',
      test: (operand) => {
        const [from, to] = operand as [string, string];
        // Times wrap past midnight when `from` is later than `to` (22:00–02:00).
        if (from > to) return (v) => typeof v === 'string' && (v >= from || v <= to);
        return (v) => typeof v === 'string' && v >= from && v <= to;
      },
    },
  },
  example: () => '21:05',
  formValue: 'text',
};

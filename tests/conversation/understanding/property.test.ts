import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTENTS, matchService, parseChoice, parseWhen, parseYesNo, understand,
} from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF } from './fixtures.ts';

const EXPECTING = [null, 'choice', 'confirmation', 'intake', 'service', 'time'] as const;

// Hostile fragments mixed into random text: markup, SQL, emoji, control characters, dates.
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    "'; DROP TABLE appointments; --", '<script>alert(1)</script>', '{{7*7}}', '${process.exit()}', '\u0000\u202e', '🎉👍🏽❌',
    'tomorrow at 3', 'Dec 31 11:59pm', 'haircut', 'cancel', 'R', '#99', '99999999999999999999', '2/30', '25:99', 'in 999 hours',
    'next next next friday', 'yes no yes', 'a@b.c', '\n\t\r', '2', 'the second one', 'number 3', 'last',
  ),
);

// Arbitrary text, and text that reads as a choice among numbered offers (in range or not).
const choiceLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 60 }), fc.string({ maxLength: 4 })).map(([a, n, b]) => `${a}${n}${b}`),
  fc.integer({ min: -3, max: 60 }).map(String),
  fc.constantFrom('first', 'the second', 'third one', 'last', 'the 4th', '#2', 'option 7'),
);

describe('properties', () => {
  it('understand never throws and always returns a known intent', () => {
    const RUNS = 400;
    const seen = { when: 0, choice: 0 };
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(' ')),
        fc.constantFrom(...EXPECTING),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'),
        (text, expecting, now, timeZone) => {
          const u = understand(text, { now, timeZone, services: SERVICES, staff: STAFF, expecting });
          expect(INTENTS).toContain(u.intent);
          if (u.when) {
            seen.when++;
            expect(Number.isNaN(u.when.from.getTime())).toBe(false);
            expect(u.when.to.getTime()).toBeGreaterThan(u.when.from.getTime());
          }
          if (u.choiceIndex !== undefined) {
            seen.choice++;
            expect(u.choiceIndex).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
    // The conditional checks above ran often enough to mean something.
    expect(seen.when).toBeGreaterThanOrEqual(RUNS / 10);
    expect(seen.choice).toBeGreaterThanOrEqual(RUNS / 40);
  });

  it('the helpers never throw on arbitrary strings, and a chosen index is always one of the offers', () => {
    let chosen = 0;
    fc.assert(
      fc.property(choiceLike, fc.integer({ min: -5, max: 50 }), (text, count) => {
        parseYesNo(text);
        matchService(text, SERVICES);
        parseWhen(text, new Date('2026-11-01T06:30:00Z'), 'America/New_York');
        const c = parseChoice(text, count);
        if (c.index !== undefined) {
          chosen++;
          expect(c.index).toBeLessThan(Math.max(count, 0));
        }
      }),
      { numRuns: 400 },
    );
    expect(chosen).toBeGreaterThanOrEqual(40);
  });

  it('a 5,000-character hostile message is handled', () => {
    const text = ('<b>😀</b> SELECT * FROM users; '.repeat(200)).slice(0, 5000);
    expect(INTENTS).toContain(understand(text, { now: new Date(), timeZone: 'America/New_York', services: SERVICES }).intent);
  });
});

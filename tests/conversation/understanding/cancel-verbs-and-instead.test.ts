import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Cancels said with "scratch", "nix", "ditch", "drop" or "scrap" in any tense, and a cancel's
// "instead" that asks for nothing in its place ("just cancel it instead", "gonna grow it out instead").

describe('cancel verbs in other tenses', () => {
  it.each([
    ['scratching my appt on friday, sorry', '2026-12-04'],
    ['scratch the haircut on the 10th pls', '2026-12-10'],
    ['ditching my cut thursday, something came up', '2026-12-03'],
    ['dropped the ball, gotta nix my color on dec 15', '2026-12-15'],
    ['scrapping my consult saturday', '2026-12-05'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('"scratch that" still takes back what was just said', () => {
    expect(understand('scratch that, thursday at 3', ctxOnDec1()).intent).not.toBe('cancel');
  });
});

describe("a cancel's instead", () => {
  it.each([
    'nvm just cancel it instead',
    'ugh ok cancel that instead',
    'nixing my friday color, im gonna try box dye instead lol',
  ])('asks for nothing in its place: %s', (text) => {
    expect(understand(text, ctxOnDec1('confirmation')).intent).toBe('cancel');
  });

  it.each(['cancel fri, can i come sat instead', 'cancel my thursday cut. monday at 2 instead'])('names a new time: %s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('reschedule');
  });
});

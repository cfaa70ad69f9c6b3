import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// Which booking a cancel means (held-out set 8): a cancel said as "call it
// off", a day named as no longer working, and one booking kept as "still coming at 4" while
// another that day is canceled.

const local = localNY;

describe('a cancel and which booking it means', () => {
  it.each(['we have to call the dye off, sorry', 'gonna call it off, something came up', 'pls call my trim off'])('%s: a cancel', (text) => {
    expect(understand(text, ctx()).intent).toBe('cancel');
  });

  it.each([
    ["thursday doesn't work for me anymore, please cancel it", '2026-12-03 00:00'],
    ["wednesday won't work, can u cancel that appt", '2026-12-02 00:00'],
    ['friday is not going to work now so cancel that one', '2026-12-04 00:00'],
  ])('%s: the day no longer working is the booking canceled', (text, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(local(u.when?.from)).toBe(day);
  });

  it('"still coming at 2" says which one stays: the time of the cancel is the other', () => {
    const u = understand('cancel the 2:30 on friday, my daughter is sick. i am still coming at 2 though', ctx());
    expect(u.intent).toBe('cancel');
    expect(local(u.when?.from)).toBe('2026-12-04 14:30');
  });

  it('"still coming" without a cancel is no cancel', () => {
    expect(understand("i'm still coming at 2", ctx()).intent).not.toBe('cancel');
  });
});

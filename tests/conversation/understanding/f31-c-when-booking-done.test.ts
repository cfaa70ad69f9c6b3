import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31c (set 30's yf098): "could i get a trim when my color's done on fri? should be 11:30"
// listed the bookings: "when my color is done" placed the trim after the color, but the same end
// said with "is" joined to the booking's word ("my color's done") was not read. Either way the
// booking named is where the new one goes, and the service asked is the other one.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a new booking "when my <booking>\'s done"', () => {
  it.each([
    ["could i get a trim when my color's done on fri? should be 11:30", 'svc-cut', 'svc-color'],
    ["once my cut's over on the 8th can i add a color", 'svc-color', 'svc-cut'],
    ["can i book a trim as soon as my color's finished thursday", 'svc-cut', 'svc-color'],
    ["a color when my cut's done tmrw pls", 'svc-color', 'svc-cut'],
    ["right when the color's done on the 10th could i get a trim", 'svc-cut', 'svc-color'],
  ])('%s', (text, asked, booked) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(asked);
    expect(u.nextTo).toMatchObject({ edge: 'end', minutes: 0, serviceId: booked });
  });

  it('the time said with it is the new booking\'s', () => {
    const u = read("could i get a trim when my color's done on fri? should be 11:30");
    expect(localNY(u.when?.from)).toBe('2026-12-04 11:30');
    expect(u.when?.exactTime).toBe(true);
  });
});

describe('near misses: no booking placed by', () => {
  it.each([
    "when's my color done on fri?",
    "is my color's appointment done by 11?",
    "my color's on fri, what time does it end",
  ])('%s', (text) => expect(read(text).nextTo).toBeUndefined());
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withoutAsideBeforeAnyway } from '../../../src/conversation/understanding/aside-before-anyway.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 30a (set 29's yd135): "hope ur having a good week, it's been crazy with the holidays and
// my mom visiting, anyway i was wondering if i could change my color from the 16th to the 18th
// same time because she's staying til the 17th": the lead-up talk ("my mom") read as someone
// else's booking and lost the move. Talk before "anyway" that asks nothing and names no time is
// set aside when a time follows it.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a move after lead-up talk and "anyway"', () => {
  it.each([
    ["hi!! hope ur having a good week, it's been crazy here with the holidays and my mom visiting and everything, anyway i was wondering if i could change my color from the 16th to the 18th same time because she's staying til the 17th", 'svc-color', '2026-12-16', '2026-12-18'],
    ["my sister is in town and we've been running around, anyways can i change my color from friday to saturday same time", 'svc-color', '2026-12-04', '2026-12-05'],
    ['lol sorry for the wall of text earlier, anyway move my haircut from the 10th to the 14th', 'svc-cut', '2026-12-10', '2026-12-14'],
    ["hope ur well! been so busy w my husband's birthday. anyhow could i move my color from the 16th to the 18th at 11", 'svc-color', '2026-12-16', '2026-12-18'],
    ['my mom is visiting and everything, anyway could i move my cut from the 9th to the 11th', 'svc-cut', '2026-12-09', '2026-12-11'],
  ])('%s', (text, service, booking, target) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe(service);
    expect(u.othersBooking).toBeUndefined();
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(target);
  });
});

describe('near misses: what comes before "anyway" is kept', () => {
  it.each([
    'my mom wants a color, anyway can i get one friday',
    'need to cancel my cut, anyway can i book a color friday',
    'i have a cut on the 10th, anyway can i add a color',
    'been crazy busy, anyway thanks',
  ])('%s', (text) => expect(withoutAsideBeforeAnyway(text)).toBe(text));
  it('"my mom wants a color, anyway ..." is still her color', () => expect(read('my mom wants a color, anyway can i get one friday').serviceId).toBe('svc-color'));
});

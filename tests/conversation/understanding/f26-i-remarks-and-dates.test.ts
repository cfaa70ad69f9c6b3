import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 26i (set 25's zu012, zu095, zv047, zu096, zu138): a remark after the day and time asked
// ("that's the only time i can leave the office"); a weekday with a day of the month decides the
// month; a date said beside a month alone; a month and day just gone; a day said once at the end
// of two bookings.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string, expecting: Parameters<typeof ctxOnDec1>[0] = null) => understand(text, { ...ctxOnDec1(expecting), services: CATALOG });

describe('a remark after the service, day and time asks the booking', () => {
  it.each([
    ['color mon the 14th, 3:30? thats the only time i can leave the office', 'svc-color', '2026-12-14 15:30'],
    ["haircut fri 4th 1pm if that works, i can leave the car at the garage", 'svc-cut', '2026-12-04 13:00'],
    ["color mon 14th 9am, i'll leave the kids at school first", 'svc-color', '2026-12-14 09:00'],
    ['trim thurs 10th at 5, only time i can make it', 'svc-cut', '2026-12-10 17:00'],
    ['cut thurs 10th at 5, thats the only time that works for me', 'svc-cut', '2026-12-10 17:00'],
    ['colour wed 9th 12:30 if thats ok, its my lunch break', 'svc-color', '2026-12-09 12:30'],
    ['cut tues 8th @ 4 i get off work then', 'svc-cut', '2026-12-08 16:00'],
    ['dye mon 14th at 3:30 - only day i can sneak out of the office lol', 'svc-color', '2026-12-14 15:30'],
    ['cut thurs 10th at 5 because i work till 4:30', 'svc-cut', '2026-12-10 17:00'],
  ])('%s', (text, serviceId, at) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(serviceId);
    expect(localNY(u.when?.from)).toBe(at);
    expect(u.changesBooked).toBeUndefined();
  });
});

describe('near misses keep their reading', () => {
  it.each(['nope leave the color, cancel the cut', 'leave my friday color alone, but book me a cut sat at 2'])('%s: the color is kept, not asked', (text) => {
    expect(read(text).intent).not.toBe('decline');
  });
  it.each(["i'll leave it as is", 'no, leave the color', 'i want to leave my booking as is', 'nah leave it where it is'])('%s: a keep', (text) => {
    expect(read(text).intent).toBe('decline');
  });
  it.each(['can we make it 4', 'could you make it 3:30 instead', 'make it friday at 2'])('%s: a change of time', (text) => {
    expect(read(text).changesBooked).toBe(true);
  });
  it('"wont be able to come any earlier" says when they can come, no cancel', () => {
    const u = read('cut thurs 10th at 5, wont be able to come any earlier');
    expect(u.intent).toBe('book');
    expect(localNY(u.when?.from)).toBe('2026-12-10 17:00');
  });
  it.each(['i wont be able to come friday', "i can't make it tomorrow"])('%s: still a cancel', (text) => expect(read(text).intent).toBe('cancel'));
  it('busy till an hour, said alone, is the earliest they can come', () => {
    const u = read('cut thurs 10th, i work until 4');
    expect(localNY(u.when?.from)).toBe('2026-12-10 16:00');
    expect(u.when?.exactTime).toBe(false);
  });
  it('a yes to a summary on screen is still a yes', () => {
    expect(read('yes that works for me', 'confirmation').intent).toBe('confirm');
  });
});

describe('a weekday with a day of the month decides the month', () => {
  it.each([
    ['monday the 11th at 10 then', '2027-01-11 10:00'],
    ['mon the 11th at 10', '2027-01-11 10:00'],
    ['mon 11 at 10', '2027-01-11 10:00'],
    ['cut tues the 5th at 2', '2027-01-05 14:00'],
    ['sat the 16th @ 2 for a trim', '2027-01-16 14:00'],
    ['thursday the 14th at noon', '2027-01-14 12:00'],
    ['what about wed, the 13th at 11', '2027-01-13 11:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));

  it.each([
    ['monday the 14th at 3', '2026-12-14 15:00'],
    ['color fri the 11th at 2', '2026-12-11 14:00'],
    ['cut on the 11th at 10', '2026-12-11 10:00'],
    ['monday 9 am', '2026-12-07 09:00'],
  ])('%s: the month as before', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
});

describe('a date said beside a month alone is the date', () => {
  it.each([
    ['can the color be moved into january? tues jan 5, afternoon if poss', '2027-01-05 12:00'],
    ['color sometime in jan? tues jan 5, afternoon if poss', '2027-01-05 12:00'],
    ['cut in january, jan 8 at 2', '2027-01-08 14:00'],
    ['anything in january, like jan 12 at 10?', '2027-01-12 10:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));

  it.each([
    ['cut in jan, not jan 5', '2027-01-01 00:00'],
    ['cut in january', '2027-01-01 00:00'],
  ])('%s: the month as before', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
});

describe('a month and day just gone is that day, not next year', () => {
  it.each([
    ['can i get a cut on nov 30 at 2', '2026-11-30 14:00'],
    ['color nov 28?', '2026-11-28 00:00'],
    ['trim 11/30 at 3pm', '2026-11-30 15:00'],
    ['cut on november 25th', '2026-11-25 00:00'],
    ['cut dec 1 at 3', '2026-12-01 15:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));

  it.each([
    ['cut jan 5', '2027-01-05 00:00'],
    ['cut december 2', '2026-12-02 00:00'],
    ['trim feb 12 at 11', '2027-02-12 11:00'],
  ])('%s: ahead as before', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
});

describe('a day said once at the end of two bookings is the first one’s too', () => {
  it.each([
    ['color at 10 and then a trim right after at 11:30, wed dec 16', 'svc-color', '2026-12-16 10:00'],
    ['color at 10 and a trim at 11:30 on wed dec 16', 'svc-color', '2026-12-16 10:00'],
    ['book a color at 10 and a cut at 11:30 on the 16th', 'svc-color', '2026-12-16 10:00'],
    ['cut at 2 and then colour at 3 on friday the 18th', 'svc-cut', '2026-12-18 14:00'],
  ])('%s', (text, serviceId, at) => {
    const u = read(text);
    expect(u.serviceId).toBe(serviceId);
    expect(localNY(u.when?.from)).toBe(at);
    expect(u.then).toBeDefined();
  });

  it.each([
    ['color tmrw at 10 and a trim fri at 2', '2026-12-02 10:00'],
    ['color on the 9th at 10 and a trim on the 10th at 2', '2026-12-09 10:00'],
  ])('%s: the first keeps its own day', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
});

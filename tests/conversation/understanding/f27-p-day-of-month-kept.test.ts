import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 27p (set 26's zw024, zw136, zw144, zw007, zx041, zx047, zx136): a day of the month said
// with a weekday or other words around it kept its say: a weekday confirming it, "maybe", a
// preference between two days, a remark after the time, a story before a move's new day.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a weekday beside a date that agrees with it only confirms it', () => {
  it.each([
    ['cut jan 4 (mon) at 2', '2027-01-04 14:00'],
    ['color Jan. 4th (the Monday) 3pm pls', '2027-01-04 15:00'],
    ['trim the 18th (friday) at 10am', '2026-12-18 10:00'],
    ['dec 18th, a friday, at 11 for a cut', '2026-12-18 11:00'],
    ['haircut dec 9 (its a wed) at 4', '2026-12-09 16:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
  it('a weekday that disagrees is left as said (not the date)', () => {
    expect(localNY(read('cut jan 4 (tues) at 2').when?.from)).not.toBe('2027-01-04 14:00');
  });
});

describe('"maybe" before a day of the month names no May', () => {
  it.each([
    ['need a color maybe the 18th at 10am', '2026-12-18 10:00'],
    ['cut maybe the 9th around 2', '2026-12-09 14:00'],
    ['hi so i was thinking a trim, maybe the 4th at 3?', '2026-12-04 15:00'],
    ['color, maybe on the 22nd at 1pm if dana has it', '2026-12-22 13:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
  it('a month still decides its day', () => {
    expect(localNY(read('cut january the 4th at 2').when?.from)).toBe('2027-01-04 14:00');
  });
});

describe('of two days offered, the preferred one is asked', () => {
  it.each([
    ['cut wed or thurs, thurs better, at 12:30', '2026-12-03 12:30'],
    ['color mon or tues at 2, prefer tues', '2026-12-08 14:00'],
    ['trim fri or sat, sat ideally, 11am', '2026-12-05 11:00'],
    ['haircut either thurs or fri around 3 but fri would be better', '2026-12-04 15:00'],
    ['cut wed or thursday, wednesday better at 4', '2026-12-02 16:00'],
  ])('%s', (text, at) => expect(localNY(read(text).when?.from)).toBe(at));
  it('with no preference the first day stays', () => {
    expect(localNY(read('cut wed or thurs at 12:30').when?.from)?.slice(0, 10)).toBe('2026-12-02');
  });
});

describe('what the customer does right before the time is a reason, no booking beside', () => {
  it.each([
    'friday 5:30pm cut pls, i get off work right before that',
    'cut thurs at 4, im off work just before that',
    'color sat 2pm, i finish my shift right before it',
    'trim tues 6pm, i have class right before that',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.nextTo).toBeUndefined();
    expect(u.when?.exactTime).toBe(true);
  });
  it.each(['i have a cut at 3, can i get my son in right before that', 'i work at 5, add a color right after that'])('%s: still next to a booking', (text) => {
    expect(read(text).nextTo).toBeDefined();
  });
});

describe("a move's new day is the one after its verb, or the one \"there\" points back at", () => {
  it.each([
    ['ugh work moved my shift thursday and i have my cut at 11 that day, can u move it to friday the 11th at 3', '2026-12-11 15:00'],
    ['my color on dec 21, can we push to the first monday in january?', '2027-01-04 00:00'],
    ['my cut dec 18, could you bump to the 2nd friday of january at 10', '2027-01-08 10:00'],
    ['wed the 9th after 4, anything open? want to move my fri 9am cut there', '2026-12-09 16:00'],
    ['thurs the 10th at 2 any chance? id move my sat color there', '2026-12-10 14:00'],
  ])('%s', (text, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(at);
  });
  it('a move said plainly keeps its reading', () => {
    const u = read('move my friday cut to monday at 2');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-04');
    expect(localNY(u.when?.from)).toBe('2026-12-07 14:00');
  });
});

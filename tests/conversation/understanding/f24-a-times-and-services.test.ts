import { describe, expect, it } from 'vitest';
import { parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, SERVICES } from './fixtures.ts';

// Fixer 24a: a dotted time after a date, "4" for "for" before a service, a warm "that's great"
// as a yes, "remind me what i have", "next week, monday", a bare span of hours, a service turned
// down beside another, a consultation about another service.

const WITH_CONSULT: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] },
];
const read = (text: string, services = SERVICES) => understand(text, { ...ctxOnDec1(), services });

describe('a dotted time is a clock time, after a date too', () => {
  it.each([
    ['trim tues 8th 11.30', '2026-12-08 11:30'],
    ['trim dec 8 11.30', '2026-12-08 11:30'],
    ['cut wed 9th 10.15', '2026-12-09 10:15'],
    ['haircut friday 3.15pm', '2026-12-04 15:15'],
    ['trim 8th 2.30pm', '2026-12-08 14:30'],
    ['trim 8th at 2:30pm', '2026-12-08 14:30'],
    ['cut on 9th at 11', '2026-12-09 11:00'],
  ])('%s', (text, start) => expect(localNY(read(text).when?.from)).toBe(start));

  it.each(['2nd', 'my 3rd visit', "nah on second thought i'll pass"])('%s: still a pick, no day', (text) => expect(read(text).when).toBeUndefined());
  it.each(['is it $11.30 for a trim', 'is it 12.50 bucks'])('%s: no time', (text) => {
    expect(read(text).when?.exactTime ?? false).toBe(false);
  });
});

describe('"4" before a service is "for"', () => {
  it.each([
    ['yo any chance 4 a cut 2day at 5', '2026-12-01 17:00'],
    ['got room 4 a quick trim tmrw at 3', '2026-12-02 15:00'],
    ['space 4 my color on fri at 1?', '2026-12-04 13:00'],
  ])('%s', (text, start) => expect(localNY(read(text).when?.from)).toBe(start));

  it('after a day it stays the hour', () => expect(localNY(read('fri 4 a trim').when?.from)).toContain('2026-12-04'));
});

describe('a warm word said of the proposal is a yes', () => {
  it.each(["that's great, yes", 'thats perfect thanks', "oh that's lovely yes please", "it's perfect"])('%s', (text) => expect(parseYesNo(text)).toBe('yes'));
  it.each(["that's not great", "that's too bad", "that's a shame"])('%s: no answer', (text) => expect(parseYesNo(text)).toBeUndefined());
});

describe('"remind me what i have" asks for the bookings, every one ahead', () => {
  it.each(['wait can u remind me what i have now, i forgot already lol', "remind me what i've got this week", 'tell me what i have again?', 'i forgot what i have lol', 'what do i have booked now'])(
    '%s',
    (text) => {
      const u = read(text);
      expect(u.intent).toBe('my_appointments');
      expect(u.when?.description).not.toBe('now');
    },
  );
  it.each(['remind me what i have to bring', 'tell me what i have to do to cancel'])('%s: no list', (text) => expect(read(text).intent).not.toBe('my_appointments'));
});

describe('a weekday said after "next week" is that week\'s', () => {
  it.each([
    ["I'd like color next week, Monday. What times do you have?", '2026-12-07 00:00'],
    ['next week, wed at 2 for a cut', '2026-12-09 14:00'],
    ['cut next week on tues', '2026-12-08 00:00'],
  ])('%s', (text, start) => expect(localNY(read(text).when?.from)).toBe(start));
  it('"next week" alone stays the week', () => expect(localNY(read('cut next week').when?.to)).toBe('2026-12-14 00:00'));
});

describe('a bare span of hours is a window', () => {
  it.each([
    ['only free on my lunch break thurs, anywhere 12-1? quick trim', '2026-12-03 12:00', '2026-12-03 13:00'],
    ['cut fri 1-3', '2026-12-04 13:00', '2026-12-04 15:00'],
    ['cut fri 10:30-12', '2026-12-04 10:30', '2026-12-04 12:00'],
  ])('%s', (text, from, to) => {
    const u = read(text);
    expect([localNY(u.when?.from), localNY(u.when?.to)]).toEqual([from, to]);
  });
  it.each(['me and 2-3 friends', 'i work 9-5 fri, cut after?'])('%s: no span', (text) => {
    const u = read(text);
    expect(localNY(u.when?.to) ?? '').not.toMatch(/(15|17):00$/);
  });
});

describe('a service turned down beside another is not booked', () => {
  it.each([
    "i don't want it colored or anything, just shorter. thurs dec 10 at 3?",
    'sorry, i meant just a trim not color',
    'not color, a cut fri at 2',
    'a cut instead of color fri at 2',
    'can you take an inch off fri at 2',
    'no color, just a trim fri at 2',
    'no need to color it, just a trim wed dec 9 at 2?',
  ])('%s', (text) => expect(read(text, WITH_CONSULT).serviceId).toBe('svc-cut'));
  it.each(['no wait, color fri at 2', 'no, color fri at 2 pls'])('%s: the opener turns nothing down', (text) => expect(read(text, WITH_CONSULT).serviceId).toBe('svc-color'));
  it('turned down alone, nothing else is made up', () => expect(read("i don't want color", WITH_CONSULT).serviceId).toBe('svc-color'));
});

describe('a consultation about another service books the consultation', () => {
  it.each([
    'do u do consults? i want one before i commit to coloring',
    'consult about highlights fri at 2',
    'consultation for a possible color change, sat at 11',
    'want to talk through a color change before doing it. consult tues dec 15 at 10am?',
  ])('%s', (text) => {
    const u = read(text, WITH_CONSULT);
    expect(u.serviceId).toBe('svc-consult');
    expect(u.intent).toBe('book');
  });
  it('a consult said beside a second booking stays two', () => {
    const u = read('i want a color, and a consult before', WITH_CONSULT);
    expect([u.serviceId, u.secondServiceId]).toEqual(['svc-color', 'svc-consult']);
  });
  it('a switch of service still switches', () => {
    expect(read('can i switch my color on the 14th to just a haircut', WITH_CONSULT).replacedBy).toBe('svc-cut');
  });
});

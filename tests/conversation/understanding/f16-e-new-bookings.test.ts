import { describe, expect, it } from 'vitest';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// New bookings (issue 16, set 15): a bound said after its clock time ("5 or after").

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');
const window = (text: string) => {
  const w = parseWhen(text, NOW, NY);
  return [wall(w?.from), wall(w?.to), w?.exactTime ?? false];
};

describe('a bound said after its clock time', () => {
  it.each([
    ['fri nov 6, 5 or after, massage', '2026-11-06T17:00', '2026-11-07T00:00'],
    ['nails thurs 4 and later', '2026-10-29T16:00', '2026-10-30T00:00'],
    ['facial friday 3 onwards', '2026-10-30T15:00', '2026-10-31T00:00'],
    ['mani monday, 2pm at the earliest', '2026-11-02T14:00', '2026-11-03T00:00'],
    ['cut fri 11 or before', '2026-10-30T00:00', '2026-10-30T11:00'],
  ])('"%s" is %s to %s', (text, from, to) => {
    expect(window(text)).toEqual([from, to, false]);
  });
});

describe('a service emoji beside a service spelled out', () => {
  const services = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult'] }];
  const serviceOf = (text: string) => understand(text, { now: NOW, timeZone: NY, services, staff: STAFF, expecting: null }).serviceId;
  it.each([
    ['💇‍♀️ consultation please thursday 2pm', 'svc-consult'],
    ['✂️ colour tues at 4 ✨', 'svc-color'],
    ['💈 massage fri?', 'svc-massage'],
    ['✂️ thurs 3?', 'svc-cut'],
  ])('"%s" names %s', (text, id) => {
    expect(serviceOf(text)).toBe(id);
  });
});

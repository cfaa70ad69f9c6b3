import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/conversation/understanding/index.ts';
import { at } from './fixtures.ts';

const NY = 'America/New_York';
const LONDON = 'Europe/London';

interface Case {
  text: string;
  now: string; // wall clock in `zone`
  zone: string;
  from: string; // expected, wall clock in `zone` (or an ISO instant with Z)
  to: string;
  exact?: boolean;
  earliest?: boolean;
}

const toDate = (s: string, zone: string) => (s.endsWith('Z') ? new Date(s) : at(s, zone));

// Wednesday 28 Oct 2026, 10:00 in New York unless stated otherwise.
const WED = '2026-10-28T10:00';

const cases: Case[] = [
  { text: 'tomorrow afternoon', now: WED, zone: NY, from: '2026-10-29T12:00', to: '2026-10-29T17:00' },
  { text: 'tomorow morning', now: WED, zone: NY, from: '2026-10-29T00:00', to: '2026-10-29T12:00' },
  { text: 'tmrw evening', now: WED, zone: NY, from: '2026-10-29T17:00', to: '2026-10-29T21:00' },
  { text: 'evening', now: WED, zone: NY, from: '2026-10-28T17:00', to: '2026-10-28T21:00' },
  { text: 'morning', now: '2026-10-28T13:00', zone: NY, from: '2026-10-29T00:00', to: '2026-10-29T12:00' },
  { text: 'next Tue at 3', now: WED, zone: NY, from: '2026-11-03T15:00', to: '2026-11-03T15:01', exact: true },
  { text: 'Tuesday at 11:15', now: WED, zone: NY, from: '2026-11-03T11:15', to: '2026-11-03T11:16', exact: true },
  { text: 'Dec 3 10am', now: WED, zone: NY, from: '2026-12-03T10:00', to: '2026-12-03T10:01', exact: true },
  { text: 'any time Friday', now: WED, zone: NY, from: '2026-10-30T00:00', to: '2026-10-31T00:00' },
  { text: 'Friday', now: '2026-10-31T09:00', zone: NY, from: '2026-11-06T00:00', to: '2026-11-07T00:00' },
  // A month and day gone lately is that day, which the provider says has passed (fixer 26i); one long gone is next year's.
  { text: 'Dec 3', now: '2026-12-20T09:00', zone: NY, from: '2026-12-03T00:00', to: '2026-12-04T00:00' },
  { text: 'Mar 3', now: '2026-12-20T09:00', zone: NY, from: '2027-03-03T00:00', to: '2027-03-04T00:00' },
  { text: 'this weekend', now: WED, zone: NY, from: '2026-10-31T00:00', to: '2026-11-02T00:00' },
  { text: 'this weekend', now: '2026-11-01T10:00', zone: NY, from: '2026-11-01T00:00', to: '2026-11-02T00:00' },
  { text: 'next weekend', now: WED, zone: NY, from: '2026-11-07T00:00', to: '2026-11-09T00:00' },
  { text: 'next week', now: WED, zone: NY, from: '2026-11-02T00:00', to: '2026-11-09T00:00' },
  { text: 'today', now: WED, zone: NY, from: '2026-10-28T00:00', to: '2026-10-29T00:00' },
  { text: 'in 2 hours', now: WED, zone: NY, from: '2026-10-28T12:00', to: '2026-10-28T12:01', exact: true },
  { text: 'at 3', now: WED, zone: NY, from: '2026-10-28T15:00', to: '2026-10-28T15:01', exact: true },
  { text: 'at 9', now: WED, zone: NY, from: '2026-10-29T09:00', to: '2026-10-29T09:01', exact: true },
  { text: 'friday 9', now: WED, zone: NY, from: '2026-10-30T09:00', to: '2026-10-30T09:01', exact: true },
  { text: 'tonight at 8', now: WED, zone: NY, from: '2026-10-28T20:00', to: '2026-10-28T20:01', exact: true },
  { text: 'tomorrow afternoon at 4:30', now: WED, zone: NY, from: '2026-10-29T16:30', to: '2026-10-29T16:31', exact: true },
  { text: '2-4pm tomorrow', now: WED, zone: NY, from: '2026-10-29T14:00', to: '2026-10-29T16:00' },
  { text: 'noon tomorrow', now: WED, zone: NY, from: '2026-10-29T12:00', to: '2026-10-29T12:01', exact: true },
  { text: "tomorrow at 3 o'clock", now: WED, zone: NY, from: '2026-10-29T15:00', to: '2026-10-29T15:01', exact: true },
  { text: 'monday evening', now: WED, zone: NY, from: '2026-11-02T17:00', to: '2026-11-02T21:00' },
  { text: '12/3', now: WED, zone: NY, from: '2026-12-03T00:00', to: '2026-12-04T00:00' },
  { text: 'earliest', now: WED, zone: NY, from: '2026-10-28T10:00', to: '2026-11-11T10:00', earliest: true },
  { text: 'asap please', now: WED, zone: NY, from: '2026-10-28T10:00', to: '2026-11-11T10:00', earliest: true },
  { text: 'first available', now: WED, zone: NY, from: '2026-10-28T10:00', to: '2026-11-11T10:00', earliest: true },
  { text: 'whatever is soonest', now: WED, zone: NY, from: '2026-10-28T10:00', to: '2026-11-11T10:00', earliest: true },
  // Fall back, Sunday 1 Nov 2026: that local day lasts 25 hours.
  { text: 'tomorrow', now: '2026-10-31T12:00', zone: NY, from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' },
  { text: 'tomorrow at 3', now: '2026-10-31T12:00', zone: NY, from: '2026-11-01T20:00:00.000Z', to: '2026-11-01T20:01:00.000Z', exact: true },
  { text: 'sunday morning', now: '2026-10-31T12:00', zone: NY, from: '2026-11-01T04:00:00.000Z', to: '2026-11-01T17:00:00.000Z' },
  { text: 'today', now: '2026-11-01T09:00', zone: NY, from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' },
  { text: 'in 2 hours', now: '2026-11-01T00:30', zone: NY, from: '2026-11-01T06:30:00.000Z', to: '2026-11-01T06:31:00.000Z', exact: true },
  { text: 'tonight', now: '2026-11-01T09:00', zone: NY, from: '2026-11-01T22:00:00.000Z', to: '2026-11-02T05:00:00.000Z' },
  // Spring forward, Sunday 8 Mar 2026: that local day lasts 23 hours.
  { text: 'tomorrow', now: '2026-03-07T12:00', zone: NY, from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' },
  { text: 'tomorrow morning', now: '2026-03-07T12:00', zone: NY, from: '2026-03-08T05:00:00.000Z', to: '2026-03-08T16:00:00.000Z' },
  { text: 'tomorrow at 10am', now: '2026-03-07T12:00', zone: NY, from: '2026-03-08T14:00:00.000Z', to: '2026-03-08T14:01:00.000Z', exact: true },
  { text: 'sunday at 2:30am', now: '2026-03-07T12:00', zone: NY, from: '2026-03-08T07:30:00.000Z', to: '2026-03-08T07:31:00.000Z', exact: true },
  { text: 'next week', now: '2026-03-04T12:00', zone: NY, from: '2026-03-09T04:00:00.000Z', to: '2026-03-16T04:00:00.000Z' },
  // London: BST starts Sunday 29 Mar 2026; numeric dates are day first.
  { text: 'tomorrow at 10am', now: '2026-03-28T10:00', zone: LONDON, from: '2026-03-29T09:00:00.000Z', to: '2026-03-29T09:01:00.000Z', exact: true },
  { text: 'today', now: '2026-03-28T10:00', zone: LONDON, from: '2026-03-28T00:00:00.000Z', to: '2026-03-29T00:00:00.000Z' },
  { text: 'tomorrow', now: '2026-03-28T10:00', zone: LONDON, from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' },
  { text: '3/4', now: '2026-03-28T10:00', zone: LONDON, from: '2026-04-03T00:00', to: '2026-04-04T00:00' },
  // A weekday with the day of the month: the date says which week.
  { text: 'fri 13th pls', now: WED, zone: NY, from: '2026-11-13T00:00', to: '2026-11-14T00:00' },
  { text: 'sat 7th at 11', now: WED, zone: NY, from: '2026-11-07T11:00', to: '2026-11-07T11:01', exact: true },
  // A bare number between the weekday and a clock time is the day of the month, not the hour.
  { text: 'cut thurs 12 10am', now: WED, zone: NY, from: '2026-11-12T10:00', to: '2026-11-12T10:01', exact: true },
  { text: 'fri 6 at 2:30pm', now: WED, zone: NY, from: '2026-11-06T14:30', to: '2026-11-06T14:31', exact: true },
  // "after that" points back at the time said: a window from it, not that exact time.
  { text: "i'm done with class at 4, friday after that ok?", now: WED, zone: NY, from: '2026-10-30T16:00', to: '2026-10-31T00:00' },
  { text: 'friday at 4 or anytime after that', now: WED, zone: NY, from: '2026-10-30T16:00', to: '2026-10-31T00:00' },
  { text: 'friday afternoon', now: '2026-03-28T10:00', zone: LONDON, from: '2026-04-03T12:00', to: '2026-04-03T17:00' },
  // Late evening in New York is already the next day in UTC: "today" must still be the New York day.
  { text: 'today', now: '2026-10-28T23:30', zone: NY, from: '2026-10-28T00:00', to: '2026-10-29T00:00' },
  { text: 'tomorrow', now: '2026-10-28T23:30', zone: NY, from: '2026-10-29T00:00', to: '2026-10-30T00:00' },
  // Kolkata has no DST and a half-hour offset.
  { text: 'tomorrow at 4pm', now: '2026-10-28T23:30', zone: 'Asia/Kolkata', from: '2026-10-29T16:00', to: '2026-10-29T16:01', exact: true },
];

describe('parseWhen', () => {
  it.each(cases)('$text (now $now $zone)', ({ text, now, zone, from, to, exact, earliest }) => {
    const r = parseWhen(text, at(now, zone), zone);
    expect(r, text).toBeDefined();
    expect(r!.from.toISOString()).toBe(toDate(from, zone).toISOString());
    expect(r!.to.toISOString()).toBe(toDate(to, zone).toISOString());
    expect(r!.exactTime).toBe(exact ?? false);
    expect(r!.earliest ?? false).toBe(earliest ?? false);
    expect(r!.description.length).toBeGreaterThan(0);
  });

  it.each(['', 'hello', 'good morning', 'I want a haircut', '🎉', "'; DROP TABLE x; --", 'a'.repeat(5000)])('finds no date in %j', (text) => {
    expect(parseWhen(text, at(WED, NY), NY)).toBeUndefined();
  });

  it('returns undefined for an unknown zone or an invalid clock instead of throwing', () => {
    expect(parseWhen('tomorrow', at(WED, NY), 'Mars/Olympus_Mons')).toBeUndefined();
    expect(parseWhen('tomorrow', new Date(Number.NaN), NY)).toBeUndefined();
  });
});

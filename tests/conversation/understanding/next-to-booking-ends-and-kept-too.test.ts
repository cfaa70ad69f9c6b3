import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { withoutKeptToo } from '../../../src/conversation/understanding/kept-too.ts';
import { appointmentMeant, windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';
import { ctx } from './fixtures.ts';

const isService = (words: string) => /\b(haircut|cut|trim|color|consult(ation)?|massage)\b/.test(words);
const zone = 'America/New_York';
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');

describe('nextToBooking: a booking placed by when another ends, or by its time (f14d)', () => {
  it.each([
    ['could i get a consult as soon as my massage is done on the 9th', { edge: 'end', minutes: 0, booking: 'my massage', rest: 'could i get a consult on the 9th' }],
    ['book a trim once my color finishes pls', { edge: 'end', minutes: 0, booking: 'my color' }],
    ['a massage while im getting my haircut thursday', { edge: 'same', booking: 'my haircut thursday' }],
    ['my husband wants the exact same time as my appt but two weeks later', { edge: 'same', days: 14, booking: 'my appt' }],
    ['can i fit a consult in before my 11:30 tmrw', { edge: 'start', minutes: 0, booking: 'my 11:30 tmrw' }],
    ['my color is on the 12th at 10 correct? i also want a trim that day right after', { edge: 'end', minutes: 0, booking: 'my color on the 12th at 10', rest: 'i also want a trim' }],
    ['and my niece at 5 after that please', { edge: 'end', person: 'other', rest: 'and my niece at 5 please' }],
    ['then right after my massage instead', { edge: 'end', booking: 'my massage' }],
    ['right after mine works', { edge: 'end', person: 'self' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it.each([
    'keeping my cut on the 4th, can u book another same time three weeks after that',
    'i want a cut when my lunch ends',
    'my cut is on friday right?',
  ])('%j places nothing by a booking close by', (text) => {
    expect(nextToBooking(text, isService)).toBeUndefined();
  });
});

describe('offline provider: a clock time that is the booking\'s own, and a weekday that names a later booking (f14d)', () => {
  const massage = { service: 'Massage', start_local: '2026-12-16T11:00', end_local: '2026-12-16T12:00' };
  it('"before my 11am": the new one ends as the booking starts', () => {
    const at11 = { from: '2026-12-01T16:00:00.000Z', to: '2026-12-01T16:01:00.000Z', exactTime: true, earliest: false, dayNamed: false };
    const w = windowNextTo({ zone, nextTo: { edge: 'start', minutes: 0 }, appt: massage, when: at11, minutes: 30 });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-16T10:30', true]);
  });
  it('another clock time said stays the customer\'s own', () => {
    const at9 = { from: '2026-12-01T14:00:00.000Z', to: '2026-12-01T14:01:00.000Z', exactTime: true, earliest: false, dayNamed: false };
    expect(local(windowNextTo({ zone, nextTo: { edge: 'start', minutes: 0 }, appt: massage, when: at9, minutes: 30 }).from)).toBe('2026-12-16T09:00');
  });
  it('a weekday said finds the booking on that weekday further on', () => {
    expect(appointmentMeant([massage], { day: '2026-12-02' })).toBe(massage);
    expect(appointmentMeant([massage], { day: '2026-12-03' })).toBeUndefined();
  });
});

describe('withoutKeptToo: a booking kept "too" beside a request asks nothing (f14d)', () => {
  it.each([
    ['book a massage sat at 2, and keep my friday one as well', 'book a massage sat at 2'],
    ['can my daughter get a trim tmrw at 4? keep the color on the 9th too', 'can my daughter get a trim tmrw at 4'],
  ])('%j', (text, rest) => {
    expect(withoutKeptToo(text)).toBe(rest);
  });
  it('a keep alone is left to the keep rules', () => {
    expect(withoutKeptToo('keep my appt too')).toBeUndefined();
    expect(withoutKeptToo('keep it')).toBeUndefined();
  });
  it('the request beside it is read as a booking', () => {
    expect(understand('can me and my wife both get a haircut at 2 on the 30th? keep my sunday one too', ctx())).toMatchObject({ intent: 'book', serviceId: 'svc-cut' });
  });
});

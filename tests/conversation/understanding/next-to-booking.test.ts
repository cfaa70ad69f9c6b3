import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

const NY = 'America/New_York';
const ctx = { now: at('2026-10-28T10:00', NY), timeZone: NY, services: SERVICES, staff: STAFF, expecting: null };
const isService = (words: string) => /\b(haircut|cut|color|consult(ation)?|massage)\b/.test(words);

describe('nextToBooking: a new booking placed by one the customer has', () => {
  it.each([
    ['can i add a consultation right after my haircut thursday', { edge: 'end', minutes: 0, booking: 'my haircut thursday', rest: 'can i add a consultation' }],
    ['book me a consult an hour before my thursday appt', { edge: 'start', minutes: -60, booking: 'my thursday appt', rest: 'book me a consult' }],
    ['a cut 30 min after my color please', { edge: 'end', minutes: 30, booking: 'my color', rest: 'a cut please' }],
    ['book a consult before my friday cut', { edge: 'start', minutes: 0, booking: 'my friday cut', rest: 'book a consult' }],
    ['can i get a color the same day as my haircut', { edge: 'day', minutes: 0, booking: 'my haircut', rest: 'can i get a color' }],
    ['i have a cut saturday at 11, can i also do a consultation at 12 that day', { edge: 'day', booking: 'a cut saturday at 11', rest: 'can i also do a consultation at 12' }],
    ["i've got a color friday. can i add a consult right after it", { edge: 'end', minutes: 0, booking: 'a color friday', rest: 'can i add a consult' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it.each([
    'can i get a haircut after 4',
    'a haircut after my lunch break',
    'can i come in an hour before my appt',
    'i have a question about color',
    'i have a haircut friday, what time is it again',
  ])('%j places nothing by a booking', (text) => {
    expect(nextToBooking(text, isService)).toBeUndefined();
  });
});

describe('understand: a booking next to another is a new booking of the service asked', () => {
  it('is never a move, and its service is the new one', () => {
    const u = understand('book me a massage an hour before my friday haircut', ctx);
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-massage', nextTo: { edge: 'start', minutes: -60, serviceId: 'svc-cut' } });
    expect(u.shift).toBeUndefined();
    expect(u.nextTo?.day).toBeDefined();
  });

  it('reads the time asked from the request, not from the booking named', () => {
    const u = understand('i have a haircut saturday at 11, can i also do a massage at 2 that day', ctx);
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-massage', nextTo: { edge: 'day', serviceId: 'svc-cut' } });
    expect(u.when?.dayNamed).toBe(false);
    expect(u.secondServiceId).toBeUndefined();
  });

  it('a move next to a booking stays a move', () => {
    expect(understand('move my color to right after my haircut', ctx).intent).toBe('reschedule');
    expect(understand('can you push my appt an hour later', ctx).intent).toBe('reschedule');
  });
});

describe('nextToBooking: the booking named by the customer alone, or by "the" and its service', () => {
  it.each([
    ['could my husband get a haircut directly after me', { edge: 'end', minutes: 0, booking: 'me', rest: 'could my husband get a haircut' }],
    ['my niece needs a cut, can she squeeze in just before mine on tuesday', { edge: 'start', minutes: 0, booking: 'mine on tuesday' }],
    ['add a consult right after the color please', { edge: 'end', minutes: 0, booking: 'the color', rest: 'add a consult please' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it.each(['can i get a color after the holidays', 'book me a cut before the weekend', 'a haircut right after the gym'])('%j places nothing by a booking', (text) => {
    expect(nextToBooking(text, isService)).toBeUndefined();
  });

  it('a day said in the request is the booking\'s day too', () => {
    const u = understand('on friday can my partner do a cut straight after me', ctx);
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-cut', nextTo: { edge: 'end', minutes: 0 } });
    expect(u.nextTo?.day).toBeDefined();
  });
});

describe('a price asked beside a booking placed by another', () => {
  it('is a booking that also asks the price', () => {
    const u = understand('whats the cost of a massage? id like one right after my haircut friday', ctx);
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-massage', asksServices: true, nextTo: { edge: 'end' } });
  });
});

// f11c: a new booking at a booking's very time (for someone else, or on another day), or whole days from it.
describe('nextToBooking: at the same time as a booking, or days from it', () => {
  it.each([
    ['can my daughter get a cut at the same time as my massage on saturday', { edge: 'same', minutes: 0, booking: 'my massage on saturday', rest: 'can my daughter get a cut' }],
    ['book my husband for the same time as mine', { edge: 'same', booking: 'mine', person: 'self', rest: 'book my husband' }],
    ['i want a haircut same day and time as my color next week please', { edge: 'same', booking: 'my color next week', rest: 'i want a haircut please' }],
    ['could i also book the same time as my friday appt but on the 20th', { edge: 'same', booking: 'my friday appt', rest: 'could i also book but on the 20th' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it.each([
    ['book another massage 2 weeks after my one on the 4th, same time', { edge: 'same', days: 14, booking: 'my one on the 4th' }],
    ['a cut three weeks after my color', { edge: 'day', days: 21, booking: 'my color', rest: 'a cut' }],
    ['can i get a haircut one week before my appt on the 20th at the same time', { edge: 'same', days: -7 }],
  ])('%j: whole days from the booking', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it.each([
    'is it the same time as last time',
    'same time as usual please',
    'a haircut 2 weeks from now',
  ])('%j places nothing by a booking', (text) => {
    expect(nextToBooking(text, isService)?.edge).not.toBe('same');
  });

  it('reads as a new booking, for the person and service said, with the booking named by its day', () => {
    const u = understand('my son wants a trim at the same time as my massage on friday, with will', ctx);
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-cut', staffId: 'st-will', nextTo: { edge: 'same', serviceId: 'svc-massage' } });
    expect(u.nextTo?.day).toBeDefined();
  });
});

// f11c: the placement said first places the booking; a later "before my cut" only says why.
describe('nextToBooking: the day of a booking, with a reason after it', () => {
  it.each([
    ["can i book a consult the same day as my haircut (the 9th), around 1 so it's before my haircut", 'my haircut (the 9th)'],
    ['a massage on the day of my color, 11am so im done before the color', 'my color'],
  ])('%j is on that booking’s day', (text, booking) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'day', booking });
  });

  it('"right after my cut" said first still places it right after', () => {
    expect(nextToBooking('a color right after my cut, on the same day as my cut', isService)).toMatchObject({ edge: 'end' });
  });
});

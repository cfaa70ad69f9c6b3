import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksOtherTime, bookingNamed } from '../../../src/conversation/providers/offline/booking-named-asked.ts';
import type { ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Fixer 30d (earlier notes): "can the 11th go to 4?" read no time: a bare hour is a clock time
// only after a move verb ("move it to 4"). A booking asked to "go to" an hour, or to "be" one
// ("can the 11th be 4?"), is moved to it; and read against the bookings, the words naming one
// stand for "it", so the rest reads as "can it be 4?". A count after "go to" stays a count.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a booking asked to go to (or be) a bare hour', () => {
  it.each([
    ['can the 11th go to 4?', '2026-12-11 00:00', '16:00'],
    ['can my thursday appt go to 3', '2026-12-03 00:00', '15:00'],
    ['could the 10th one go to 11 instead', '2026-12-10 00:00', '11:00'],
    ['push the 11th to 4pm, no change to friday', '2026-12-11 00:00', '16:00'],
  ])('%s', (text, booked, hour) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booked);
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe(hour);
  });
  it.each([['could my cut go to 2', '14:00'], ['can the 11th be 4?', '16:00']])('%s', (text, hour) => {
    expect(localNY(read(text).when?.from)?.slice(11)).toBe(hour);
  });
});

const ON_11TH: ListedAppointment = { appointment_ref: 'r-11', service: 'Haircut', label: 'Haircut Dec 11', start_local: '2026-12-11T11:00:00' };

describe('read against the bookings: the name stands for "it"', () => {
  it.each([['can the 11th be 4?', '16:00'], ['could friday the 11th go to 2 instead', '14:00']])('%s', (text, hour) => {
    const named = bookingNamed(text, [ON_11TH], NY);
    const when = named ? understand(named.rest, ctxOnDec1(null)).when : undefined;
    expect(asksOtherTime(ON_11TH, when, NY)).toBe(true);
    expect(localNY(when?.from)?.slice(11)).toBe(hour);
  });
});

describe('near misses: counts and bare numbers stay as they are', () => {
  it('"i go to 4 classes a week" is no time', () => expect(read('i go to 4 classes a week').when?.exactTime).not.toBe(true));
  it('"can it go to 4" with offers on screen is option 4', () => {
    expect(understand('can it go to 4', { ...ctxOnDec1('choice'), optionCount: 4 }).choiceIndex).toBe(3);
  });
  it('"can the 11th be 4 people" is no time', () => expect(read('can the 11th be 4 people').when?.exactTime).not.toBe(true));
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { at, ctxOnDec1, localNY, NY } from './fixtures.ts';

// Fixer 26k: moves asked without a move verb ("can we do later today", "my color is on the 14th ...
// could we do the 16th instead"), a booking named by its person and moved to another, a new
// booking taken back in the same text for a change, and "cancel X and put me in for Y instead".

const read = (text: string) => understand(text, ctxOnDec1());
const readOn = (text: string, now: string) => understand(text, { ...ctxOnDec1(), now: at(now, NY) });

describe('"can we do later/earlier" with a time: a change of the booking had', () => {
  it.each([
    ['got ur reminder, can we do later today? like after 4', '2026-12-03 16:00'],
    ['could we do earlier tmrw, like 10?', '2026-12-04 10:00'],
    ['can u do it a bit sooner on friday', '2026-12-04 00:00'],
    ['cn we do later in the day today, after 3 maybe', '2026-12-03 15:00'],
    ['hey could we do later tmrw? 5pm ish', '2026-12-04 17:00'],
  ])('%s', (text, start) => {
    const u = readOn(text, '2026-12-03T09:00');
    expect(u.intent === 'reschedule' || u.changesBooked).toBe(true);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it.each([
    'can we do a cut later this week',
    'can i book my son later today, after 4',
    'can we also do a color later today',
  ])('%s: a booking of its own', (text) => {
    const u = readOn(text, '2026-12-03T09:00');
    expect(u.changesBooked).toBeFalsy();
    expect(u.intent).toBe('book');
  });
});

describe('the booking told by its day, the day said with "instead" its new time', () => {
  it.each([
    ['hi so my color is on the 14th but my boss put me on a shift that day so could we do the 16th instead at the same time', '2026-12-14 00:00', '2026-12-16 00:00'],
    ['my appt is on the 9th, could we do the 11th instead?', '2026-12-09 00:00', '2026-12-11 00:00'],
    ["my cut's on friday but can we do monday at 2 instead", '2026-12-04 00:00', '2026-12-07 14:00'],
    ['ok so my trim is for the 10th, any chance we could do the 12th instead? same time', '2026-12-10 00:00', '2026-12-12 00:00'],
  ])('%s', (text, booking, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it('"my boss is on vacation the 14th" names no booking', () => {
    expect(read('my boss is on vacation the 14th, could i come the 16th instead').apptWhen).toBeUndefined();
  });
});

describe('a booking named by its person, moved to another', () => {
  it.each([
    ['could i switch my thursday cut with dana to sat the 12th at 11 w will', 'st-will', 'st-dana'],
    ['move my cut w dana to friday with will', 'st-will', 'st-dana'],
    ['can u push my appt with will to the 9th at 2 w dana', 'st-dana', 'st-will'],
    ['pls move the color i have with jose to monday, with dana this time', 'st-dana', 'st-jose'],
  ])('%s', (text, staffId, bookedStaffId) => {
    const u = read(text);
    expect(u).toMatchObject({ intent: 'reschedule', staffId, bookedStaffId, staffNamesBooking: true });
  });

  it.each([
    'move my appt with will to 4pm',
    'move my cut to friday with will',
    'move my cut with dana to friday',
  ])('%s: one person, no other asked', (text) => {
    expect(read(text).bookedStaffId).toBeUndefined();
  });
});

describe('a new booking taken back for a change in the same text', () => {
  it.each([
    ["i want to book another cut for fri the 11th at 4... no wait i mean move my thursday one to friday 4, don't need two", '2026-12-04 16:00'],
    ['book me a color on the 9th at 2, actually scratch that, move my color on the 8th to the 9th at 2', '2026-12-09 14:00'],
    ['can i get a trim sat at 10? oops i meant move my fri trim to sat at 10', '2026-12-05 10:00'],
    ['book a cut mon at 1.. no wait, reschedule my tuesday cut to mon 1pm instead', '2026-12-07 13:00'],
  ])('%s', (text, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(start);
    expect(u.then).toBeUndefined();
    expect(u.answer).toBeUndefined();
  });

  it('a cancel after the taken-back booking is the request', () => {
    expect(read('can i get a color on the 9th at 2? actually scratch that, cancel my cut on thursday')).toMatchObject({ intent: 'cancel', serviceId: 'svc-cut' });
  });

  it.each([
    ['book a trim for mon the 7th at 9 and cancel my fri one pls', 'book'],
    ['book me a cut fri at 4, no wait sat at 4', 'book'],
  ])('%s: no change taken back for', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });
});

describe('"cancel X and put me in for Y instead" moves X', () => {
  it.each([
    ['cancel my dec 8 appt and put me in for the 15th at the same time instead', '2026-12-08 00:00', '2026-12-15 00:00'],
    ['cancel thurs and move me to fri at 2 instead', '2026-12-03 00:00', '2026-12-04 14:00'],
    ['pls cancel my appt on the 9th and put me down for the 11th instead, same time', '2026-12-09 00:00', '2026-12-11 00:00'],
    ['cancel my monday one and get me in thurs the 10th at 3 instead', '2026-12-07 00:00', '2026-12-10 15:00'],
  ])('%s', (text, booking, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(start);
    expect(u.then).toBeUndefined();
  });

  it.each([
    ['cancel my cut and move my color to friday instead', 'cancel'],
    ['cancel friday and book a color monday at 10', 'cancel'],
  ])('%s: two requests still', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });
});

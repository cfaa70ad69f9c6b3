import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Which of several bookings a change means, once they are listed (issue 14, set 12): by its
// place in the list ("the 3rd one"), by what is not kept ("the dye stays"), by what is ruled
// out ("not the trim"), every one only when the cancelling sentence says so.

describe('a place in the list, not a day of the month', () => {
  it.each([
    ['cancel the 3rd one', 2],
    ['pls move my 1st appt to monday', 0],
    ['can the 2nd appointment go to friday at 4', 1],
  ])('%s: order %s, no date', (text, order) => {
    const u = understand(text, ctxOnDec1());
    expect(u.order).toBe(order);
    expect(u.apptWhen).toBeUndefined();
    if (u.intent === 'cancel') expect(u.when).toBeUndefined();
  });

  it('"the 3rd" alone is still a date', () => {
    expect(localNY(understand('cancel my appt on the 3rd', ctxOnDec1()).when?.from)?.slice(0, 10)).toBe('2026-12-03');
  });
});

describe('what is kept names neither the booking changed nor its new time', () => {
  it('a cancel by part of day, the service kept said apart', () => {
    const u = understand('cancel the evening one pls, the morning dye stays', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBeUndefined();
    expect(localNY(u.when?.from)?.slice(11)).toBe('17:00');
  });

  it('a move with another day said to be fine: the new time is on the booking\'s day', () => {
    const u = understand('could you move my jan 8 appt to 4pm? the 15th is ok as it is', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe('2027-01-08');
    expect(u.when?.dayNamed).toBe(false);
    expect(localNY(u.when?.from)?.slice(11)).toBe('16:00');
  });
});

describe('in a move, a time kept is the new time', () => {
  it.each([
    ['could you move me to thursday, keep the 3pm', '2026-12-03 15:00'],
    ['move us to the 10th but keep it at 11', '2026-12-10 11:00'],
  ])('%s: %s', (text, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(time);
  });
});

describe('a booking ruled out', () => {
  it.each(['the friday one, not the trim', 'monday please, not my dye'])('%s: its service is no request', (text) => {
    const u = understand(text, ctxOnDec1('choice'));
    expect(u.serviceId).toBeUndefined();
    expect(u.when).toBeDefined();
  });
});

describe('every booking only when the cancelling sentence says so', () => {
  it('"both" answering a question, then one cancelled by its month', () => {
    const u = understand('haha both. the february one can go, cancel that', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.allBookings).toBeUndefined();
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2027-02-01');
  });

  it('a reason before the cancel of all, then each named', () => {
    const u = understand('job moved me to chicago next month, please cancel all my appointments: the trim and the dye', ctxOnDec1());
    expect(u.allBookings).toBe(true);
    expect(u.targets?.map((t) => t.serviceId)).toEqual(['svc-cut', 'svc-color']);
    expect(u.targets?.every((t) => t.when === undefined)).toBe(true);
  });

  it.each(['oh wait, cancel all of them', 'cancel both of them'])('%s: the sender\'s own bookings', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.allBookings).toBe(true);
    expect(u.othersBooking).toBeUndefined();
  });
});

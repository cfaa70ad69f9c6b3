import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { withoutRecalledBooking } from '../../../src/conversation/understanding/recalled-booking.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// f17-j (set 16's zd031, zd048, zd103; set 15's zb105, zb111): a move's time corrected keeps its
// weekday said alone; a question for openings asks the new time, the booking is "my 2pm"; a
// booking recalled beside a pick asks no service; "same start time" as a booking whole days
// from it; a booking told by its day and time places one for someone else on that day.

describe('a time corrected after a weekday said alone', () => {
  it('the day is still said by its weekday alone', () => {
    const u = understand('shift my fri cut to sat at 3, sorry i meant 3:30', ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.when?.from)).toBe('2026-12-05 15:30');
    expect(u.when?.weekdayOnly).toBe(true);
  });
});

describe('a question for openings beside a move', () => {
  it.each([
    ['whats the first opening you have on friday? i want to move my 2pm up', '14:00', '2026-12-04'],
    ['what have you got thursday afternoon? looking to move my 10am', '10:00', '2026-12-03'],
    ['any availability on the 12th? need to reschedule my 11am', '11:00', '2026-12-12'],
  ])('%s: the booking is the clock time, the day asked the new time', (text, clock, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(11)).toBe(clock);
    expect(u.apptWhen?.dayNamed).toBe(false);
    expect(local(u.when?.from)?.slice(0, 10)).toBe(day);
  });
});

describe('a booking recalled beside the request', () => {
  it.each([
    ['ah right my cut is at 10. 11:30 then', '11:30 then'],
    ['duh forgot about the color, 3pm works?', '3pm works?'],
    ['oh yeah my color - ok 2 then', 'ok 2 then'],
  ])('%s: only the request is left', (text, rest) => {
    expect(withoutRecalledBooking(text)).toBe(rest);
  });

  it.each(['yes the color, 2pm', 'oh right, the color! book that at 2', 'oh right the color'])('%s: no recall beside a request', (text) => {
    expect(withoutRecalledBooking(text)).toBeUndefined();
  });

  it('the service recalled is no pick of a service', () => {
    const u = understand('ohh right the colour. 1pm then', ctx('choice'));
    expect(u.serviceId).toBeUndefined();
    expect(u.choiceTime).toEqual({ hour: 13, minute: 0 });
  });
});

const isService = (w: string) => /\b(cut|trim|color|haircut)\b/.test(w);

describe('"same start time" as a booking', () => {
  it.each([
    ['a trim two weeks after my color, same starting time', 14],
    ['could i get a cut 3 days before my color at the same start time as the color', -3],
  ])('%s: at its time, whole days from it', (text, days) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'same', days });
  });
});

describe('a booking told by its day and time', () => {
  it.each([
    ['i have thursday at 10, can my son get a cut at 11 that day', '2026-12-03', '11:00'],
    ["i've got friday the 11th at 3pm, my daughter needs a trim at 4", '2026-12-11', '16:00'],
  ])('%s: the new one on that day', (text, day, clock) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.nextTo?.edge).toBe('day');
    expect(local(u.nextTo?.day?.from)?.slice(0, 10)).toBe(day);
    expect(local(u.when?.from)?.slice(11)).toBe(clock);
  });

  it('"i have to leave at 2" tells of no booking', () => {
    expect(understand('i have to leave at 2, can i get a cut at 1', ctx()).nextTo).toBeUndefined();
  });
});

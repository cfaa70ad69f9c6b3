import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { menuEntryNamed } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { appointmentMeant } from '../../../src/conversation/providers/offline/next-to.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Which booking is meant, what is booked, bookings next to one and for family members
// (f10family): each class in wordings other than the held-out dialogs'.

const isService = (words: string) => /\b(haircut|cut|trim|color|colour|highlights|consult(ation)?)\b/.test(words);

describe('what is booked, in more wordings', () => {
  it.each(['could you tell me what we have scheduled', "remind me what i've got coming up pls", "who's that with again?", 'who was my appt with'])('%j lists the bookings', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it('two days asked span both, the later weekday after the earlier', () => {
    const u = understand('who am i seeing friday and monday', ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when!.from)).toBe('2026-12-04 00:00');
    expect(localNY(u.when!.to)).toBe('2026-12-08 00:00');
  });
});

describe('which one: named by its date or service, with or without a new time', () => {
  it('"the one on the 9th" at a cancel summary names another booking; a week ruled out is no window', () => {
    const u = understand('nah the one on the 9th, not next week', ctxOnDec1('confirmation'));
    expect(u.meantOther).toBe(true);
    expect(localNY(u.when!.from)).toBe('2026-12-09 00:00');
  });

  it('to "which one?", the booking named first and its new time after "instead"', () => {
    const u = understand('my trim on monday, could we do friday the 11th at 2 instead', ctxOnDec1('choice'));
    expect(localNY(u.apptWhen!.from)).toBe('2026-12-07 00:00');
    expect(localNY(u.when!.from)).toBe('2026-12-11 14:00');
  });

  it("\"can't make it thursday, can he come monday instead\": thursday's booking, monday the new day", () => {
    const u = understand("my son can't make his cut thursday, can he come monday instead", ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen!.from)).toBe('2026-12-03 00:00');
    expect(localNY(u.when!.from)).toBe('2026-12-07 00:00');
  });

  it('a menu entry named by a weekday a week out', () => {
    const entries = [{ start: '2026-12-10T16:00', service: 'Haircut' }, { start: '2026-12-11T10:00', service: 'Haircut' }];
    expect(menuEntryNamed(entries, { day: '2026-12-03', weekday: 4, clock: { hour: 16, minute: 0 } })).toBe(0);
    expect(menuEntryNamed(entries, { day: '2026-12-03', clock: { hour: 16, minute: 0 } })).toBeUndefined();
  });
});

describe('several bookings and family members', () => {
  it('"both" with a reason that something else "got moved" is a cancel of both', () => {
    const u = understand('cancel the twins haircuts friday, both please. their recital got moved', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.allBookings).toBe(true);
  });

  it('"can she get a cut ... i\'ll be there anyway" books for her, no check of mine', () => {
    const u = understand("for my daughter, can she get a trim thursday at 3? i'll be there anyway", ctxOnDec1());
    expect(u.intent).toBe('book');
  });
});

describe('next to a booking mentioned first', () => {
  it.each([
    ["i'm in for highlights saturday at 12, can i get a cut right after it's finished", { edge: 'end', booking: 'highlights saturday at 12' }],
    ['i have trim on the 9th. could i book a color sometime after the trim', { edge: 'end', booking: 'trim on the 9th' }],
    ['i have color friday at 2, my friend wants a cut at 2 too', { edge: 'day', booking: 'color friday at 2' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it('without an article only a service names the booking', () => {
    expect(nextToBooking('i have to book a color friday', isService)).toBeUndefined();
    expect(nextToBooking('i have time friday, can i book a color', isService)).toBeUndefined();
  });
});

describe('a move of several bookings', () => {
  it('"move all our appointments on friday to monday, same times" moves every one meant, each at its own time', () => {
    const u = understand('can you move all our appointments on friday to monday? same times', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.allBookings).toBe(true);
    expect(u.shift?.sameTime).toBe(true);
    expect(localNY(u.apptWhen!.from)).toBe('2026-12-04 00:00');
  });
});

describe('next to mine on a weekday that is today', () => {
  it('with nothing booked today, the same weekday a week on', () => {
    const mine = { service: 'Haircut', start_local: '2026-12-09T15:00' };
    expect(appointmentMeant([mine], { day: '2026-12-02' })).toBe(mine);
    expect(appointmentMeant([mine], { day: '2026-12-03' })).toBeUndefined();
  });
});

// f11c: a booking made for someone, told of, then moved ("i booked for my husband, move him") is a move, not a new booking.
describe('a booking told of for someone else, then moved', () => {
  it.each([
    ['we booked for our son on the 10th, could you move him to the 11th same time', '2026-12-10', '2026-12-11'],
    ['i made an appt for my daughter on friday - can u move her to saturday, same time', '2026-12-04', '2026-12-05'],
  ])('%j', (text, from, to) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.forSomeoneElse).toBeUndefined();
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(from);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(to);
  });

  it('a booking asked for someone else still is one', () => {
    expect(understand('book for my husband on the 8th too, same time as me', ctxOnDec1())).toMatchObject({ intent: 'book', forSomeoneElse: true });
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksOtherTime, bookingNamed } from '../../../src/conversation/providers/offline/booking-named-asked.ts';
import type { ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Fixer 29a (set 28's yb039, yb041, yb048, yb131): "tuesday's not gonna work, got anything after
// 4 on wed the 9th?" says no service and no move verb, but names a booking the customer has by its
// day and asks another time: read against the bookings, that booking is moved. Naming none of
// them, or asking a second booking, keeps the question of which service.

const booking = (start: string, service = 'Haircut'): ListedAppointment => ({ appointment_ref: `r-${start}`, service, label: `${service} ${start}`, start_local: start });
const TUE_8 = booking('2026-12-08T10:00:00');
const THU_3 = booking('2026-12-03T12:00:00');
const FRI_4 = booking('2026-12-04T12:00:00', 'Hair Color');

/** The booking moved and the new time's start (New York wall clock), or undefined when no move is read. */
function moveRead(text: string, items: ListedAppointment[]): { ref: string; from: string | undefined } | undefined {
  const named = bookingNamed(text, items, NY);
  if (!named) return undefined;
  // As the provider does: the clauses not naming the booking when they name a day, else the words without its name.
  const apart = named.otherClauses ? understand(named.otherClauses, ctxOnDec1(null)).when : undefined;
  const when = apart?.dayNamed ? apart : understand(named.rest, ctxOnDec1(null)).when;
  return asksOtherTime(named.appt, when, NY) ? { ref: named.appt.appointment_ref, from: localNY(when?.from) } : undefined;
}

describe('a booking named by its day, another time asked, no service said', () => {
  it.each([
    ["tues won't work for me anymore, anything thursday afternoon?", [TUE_8, FRI_4], TUE_8, '2026-12-03 12:00'],
    ['the 8th is a no go, what do you have on the 10th', [TUE_8], TUE_8, '2026-12-10 00:00'],
    ['my thursday appt, could it be monday morning instead?', [THU_3, TUE_8], THU_3, '2026-12-07 00:00'],
    ["friday's out for me now, got anything next week?", [FRI_4, TUE_8], FRI_4, '2026-12-07 00:00'],
    ['dec 3 doesnt suit anymore. what about wed the 9th after 2', [THU_3], THU_3, '2026-12-09 14:00'],
    ['cant do thurs after all, is there anything sat?', [THU_3], THU_3, '2026-12-05 00:00'],
    ["thursday is out for me now. anything monday morning?", [THU_3], THU_3, '2026-12-07 00:00'],
  ])('%s', (text, items, moved, from) => {
    expect(moveRead(text, items)).toEqual({ ref: moved.appointment_ref, from });
  });
});

describe('near misses keep asking which service', () => {
  it('"anything next week?" names no booking', () => expect(moveRead('anything next week?', [TUE_8, THU_3])).toBeUndefined());
  it('a day asked that is the booking\'s own day is no other time', () => expect(moveRead('anything on tuesday?', [TUE_8])).toBeUndefined());
  it('a second booking asked beside the one named', () => expect(moveRead("i have tuesday's appt, can i also get something thursday?", [TUE_8])).toBeUndefined());
  it('two bookings on the weekday named: which one is not told', () =>
    expect(moveRead("tuesday's not gonna work, anything wed?", [TUE_8, booking('2026-12-15T10:00:00')])).toBeUndefined());
  it('a day of another month is not the booking\'s', () => expect(moveRead('the 8th of january wont work, anything the 10th of jan?', [TUE_8])).toBeUndefined());
  it.each(['could we do thursday next week in the morning instead', 'next thursday morning instead?', 'how about thursday the 10th instead'])(
    '%j: a weekday of another week or date is the new day, not the booking on that weekday',
    (text) => expect(bookingNamed(text, [THU_3], NY)).toBeUndefined(),
  );
});

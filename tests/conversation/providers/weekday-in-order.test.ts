import { describe, expect, it } from 'vitest';
import { onWeekdayInOrder, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';

// "the later of my 2 fridays": with an order word, a weekday names its bookings of every week.

const NY = 'America/New_York';
const appt = (ref: string, start: string): ListedAppointment => ({ appointment_ref: ref, service: 'Haircut', label: `Haircut, ${start}`, start_local: start, staff: 'Dana' });
const ITEMS = [appt('A', '2026-12-04T10:00'), appt('B', '2026-12-08T12:00'), appt('C', '2026-12-18T15:00')];
// This Friday, as the memory keeps it (UTC instants; New York is UTC-5 in December).
const friday = { from: '2026-12-04T05:00:00.000Z', to: '2026-12-05T05:00:00.000Z', exactTime: false, byWeekday: true };

describe('a weekday with an order word', () => {
  it('keeps every booking on that weekday, whichever week', () => {
    expect(onWeekdayInOrder(ITEMS, friday, -1, NY)?.map((a) => a.appointment_ref)).toEqual(['A', 'C']);
  });

  it('says nothing without an order word, a weekday, or several on it', () => {
    expect(onWeekdayInOrder(ITEMS, friday, undefined, NY)).toBeUndefined();
    expect(onWeekdayInOrder(ITEMS, { ...friday, byWeekday: false }, 0, NY)).toBeUndefined();
    expect(onWeekdayInOrder([ITEMS[0]!, ITEMS[1]!], friday, 0, NY)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { allOnDaySaid, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';

// f18-m (set 17's zf092): "cancel both my thursday appointments" with one each week names both.

const NY = 'America/New_York';
const appt = (ref: string, start: string): ListedAppointment => ({ appointment_ref: ref, service: 'Haircut', label: `Haircut, ${start}`, start_local: start, staff: 'Lee' });
// This Saturday, as the memory keeps it (UTC instants; New York is UTC-5 in December).
const saturday = { from: '2026-12-05T05:00:00.000Z', to: '2026-12-06T05:00:00.000Z', exactTime: false, byWeekday: true };

describe('every booking meant on a weekday', () => {
  it('one booking on the day said: every one on its weekday', () => {
    const items = [appt('A', '2026-12-05T11:00'), appt('B', '2026-12-09T11:00'), appt('C', '2026-12-19T11:00')];
    expect(allOnDaySaid(items, saturday, NY).map((a) => a.appointment_ref)).toEqual(['A', 'C']);
  });

  it('several on the day said: only those', () => {
    const items = [appt('A', '2026-12-05T10:00'), appt('B', '2026-12-05T15:00'), appt('C', '2026-12-12T10:00')];
    expect(allOnDaySaid(items, saturday, NY).map((a) => a.appointment_ref)).toEqual(['A', 'B']);
  });

  it('a date, not a weekday alone, stays on its day', () => {
    const items = [appt('A', '2026-12-05T10:00'), appt('C', '2026-12-12T10:00')];
    expect(allOnDaySaid(items, { ...saturday, byWeekday: false }, NY).map((a) => a.appointment_ref)).toEqual(['A']);
  });
});

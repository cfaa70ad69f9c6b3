import { describe, expect, it } from 'vitest';
import { atTimeSaid, onWeekdayEvery, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { justMoved } from '../../../src/conversation/providers/offline/recent.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import type { ChatMessage } from '../../../src/conversation/state.ts';

// Set 15 (fixer c): "the evening one on wed" when that Wednesday is next week's, "both my
// monday cuts" naming every Monday booked, and the booking just moved, read back from the
// reply that said so ("oh no i meant friday").

const NY = 'America/New_York';
const appt = (ref: string, start: string, service = 'Haircut'): ListedAppointment => ({ appointment_ref: ref, service, label: `${service}, ${start}`, start_local: start, staff: 'Lee' });
// Wednesday Dec 2, 5pm to 9pm, as the memory keeps a weekday said with a part of the day.
const wedEvening = { from: '2026-12-02T22:00:00.000Z', to: '2026-12-03T02:00:00.000Z', exactTime: false, byWeekday: true };

describe('a part of the day on a weekday', () => {
  it('picks, of the bookings on that weekday a week on, the one in that part', () => {
    const items = [appt('A', '2026-12-09T10:00'), appt('B', '2026-12-09T18:00'), appt('C', '2026-12-10T18:00')];
    expect(atTimeSaid(items, wedEvening, NY).map((a) => a.appointment_ref)).toEqual(['B']);
  });

  it('keeps every booking on the weekday when none is in that part', () => {
    const items = [appt('A', '2026-12-09T10:00'), appt('B', '2026-12-09T11:00')];
    expect(atTimeSaid(items, wedEvening, NY).map((a) => a.appointment_ref)).toEqual(['A', 'B']);
  });
});

describe('every booking on a weekday', () => {
  const monday = { from: '2026-12-07T05:00:00.000Z', to: '2026-12-08T05:00:00.000Z', exactTime: false, byWeekday: true };
  it('names the bookings of every such weekday', () => {
    const items = [appt('A', '2026-12-07T10:00'), appt('B', '2026-12-08T10:00'), appt('C', '2026-12-21T15:00')];
    expect(onWeekdayEvery(items, monday, NY)?.map((a) => a.appointment_ref)).toEqual(['A', 'C']);
  });

  it('says nothing for a date, or one booking on it', () => {
    expect(onWeekdayEvery([appt('A', '2026-12-07T10:00'), appt('C', '2026-12-21T15:00')], { ...monday, byWeekday: false }, NY)).toBeUndefined();
    expect(onWeekdayEvery([appt('A', '2026-12-07T10:00')], monday, NY)).toBeUndefined();
  });
});

describe('the booking just moved', () => {
  const view = { now: '2026-12-01T14:00:00.000Z', timeZone: NY } as ProviderView;
  const said = (...texts: Array<[ChatMessage['role'], string]>): ChatMessage[] => texts.map(([role, content]) => ({ role, content }) as ChatMessage);

  it('is read from the reply before this message', () => {
    const history = said(['user', 'move my cut to 2'], ['assistant', 'Done: your Haircut is now Wed Dec 9, 2:00 PM with Lee.'], ['user', 'sorry i meant thursday']);
    const moved = justMoved(view, history);
    expect(moved?.service).toBe('Haircut');
    expect(moved?.start.toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-09 14:00');
  });

  it('a date said without its year that reads as past is next year\'s', () => {
    const history = said(['assistant', 'Done: your Color is now Fri Jan 8, 9:00 AM with Dana.'], ['user', 'i meant 10']);
    expect(justMoved(view, history)?.start.toFormat('yyyy-MM-dd')).toBe('2027-01-08');
  });

  it('is nothing when the reply before said something else', () => {
    const history = said(['assistant', 'Done: your Haircut is now Wed Dec 9, 2:00 PM with Lee.'], ['user', 'thanks'], ['assistant', 'Anything else?'], ['user', 'i meant thursday']);
    expect(justMoved(view, history)).toBeUndefined();
  });
});

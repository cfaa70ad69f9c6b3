import { describe, expect, it } from 'vitest';
import { atTimeSaid, eachNamed, lastCanceled, lastToolCalled, withStaff, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import type { ChatMessage } from '../../../src/conversation/state.ts';

// Which listed appointment the customer's words mean (offline provider): by person, by the
// time said, each of several named, and the one canceled last in the conversation.

const NY = 'America/New_York';
const appt = (ref: string, service: string, start: string, staff: string): ListedAppointment => ({ appointment_ref: ref, service, label: `${service}, ${start}`, start_local: start, staff });
const ITEMS = [appt('A', 'Haircut', '2026-12-03T10:00', 'Dana'), appt('B', 'Haircut', '2026-12-03T16:00', 'Lee'), appt('C', 'Color', '2026-12-04T11:00', 'Dana')];
// Windows as the memory keeps them (UTC instants; New York is UTC-5 in December).
const thursday = { from: '2026-12-03T05:00:00.000Z', to: '2026-12-04T05:00:00.000Z', exactTime: false };

describe('by person', () => {
  it('keeps those with the person named, or all when none is theirs', () => {
    expect(withStaff(ITEMS, 'Lee').map((a) => a.appointment_ref)).toEqual(['B']);
    expect(withStaff(ITEMS, 'Sam')).toHaveLength(3);
    expect(withStaff(ITEMS, undefined)).toHaveLength(3);
  });
});

describe('by the time said', () => {
  it('a clock time on a day picks the one at that time', () => {
    const fourPm = { from: '2026-12-03T21:00:00.000Z', to: '2026-12-03T21:01:00.000Z', exactTime: true };
    expect(atTimeSaid(ITEMS, fourPm, NY).map((a) => a.appointment_ref)).toEqual(['B']);
  });

  it('a part of the day without a day picks by time of day', () => {
    const afternoon = { from: '2026-12-01T17:00:00.000Z', to: '2026-12-01T22:00:00.000Z', exactTime: false, dayNamed: false };
    expect(atTimeSaid(ITEMS, afternoon, NY).map((a) => a.appointment_ref)).toEqual(['B']);
  });

  it('a day picks its appointments; a clock time nothing has falls back to its day', () => {
    expect(atTimeSaid(ITEMS, thursday, NY).map((a) => a.appointment_ref)).toEqual(['A', 'B']);
    const noon = { from: '2026-12-03T17:00:00.000Z', to: '2026-12-03T17:01:00.000Z', exactTime: true };
    expect(atTimeSaid(ITEMS, noon, NY).map((a) => a.appointment_ref)).toEqual(['A', 'B']);
  });

  it('a day with nothing booked says nothing', () => {
    const monday = { from: '2026-12-07T05:00:00.000Z', to: '2026-12-08T05:00:00.000Z', exactTime: false };
    expect(atTimeSaid(ITEMS, monday, NY)).toHaveLength(3);
  });

  it('a weekday said alone names the bookings on that weekday in a later week; a date does not', () => {
    const wednesday = { from: '2026-12-02T05:00:00.000Z', to: '2026-12-03T05:00:00.000Z', exactTime: false };
    const later = [...ITEMS, appt('D', 'Color', '2026-12-09T09:00', 'Dana')];
    expect(atTimeSaid(later, { ...wednesday, byWeekday: true }, NY).map((a) => a.appointment_ref)).toEqual(['D']);
    expect(atTimeSaid(later, wednesday, NY)).toHaveLength(4);
  });
});

describe('several named one by one', () => {
  it('each part must name exactly one appointment, all different', () => {
    const friday = { from: '2026-12-04T05:00:00.000Z', to: '2026-12-05T05:00:00.000Z', exactTime: false };
    expect(eachNamed(ITEMS, [{ service: 'Color' }, { service: 'Haircut', window: { ...thursday, from: '2026-12-03T15:00:00.000Z', to: '2026-12-03T15:01:00.000Z', exactTime: true } }], NY)?.map((a) => a.appointment_ref)).toEqual(['C', 'A']);
    expect(eachNamed(ITEMS, [{ window: friday }, { service: 'Haircut' }], NY)).toBeUndefined();
    expect(eachNamed(ITEMS, [{ service: 'Color' }, { window: friday }], NY)).toBeUndefined();
  });
});

describe('the last cancel in the conversation', () => {
  const history: ChatMessage[] = [
    { role: 'user', content: 'cancel the color' },
    { role: 'assistant', content: null, toolCall: { id: '1', name: 'list_my_appointments', arguments: '{}' } },
    { role: 'tool', toolCallId: '1', name: 'list_my_appointments', content: JSON.stringify({ ok: true, appointments: ITEMS }) },
    { role: 'assistant', content: null, toolCall: { id: '2', name: 'cancel_appointment', arguments: '{"appointment_ref":"c"}' } },
    { role: 'tool', toolCallId: '2', name: 'cancel_appointment', content: '{"ok":true}' },
    { role: 'user', content: 'yes' },
    { role: 'assistant', content: 'Your Color is canceled.', toolCall: null },
    { role: 'user', content: 'a haircut at that same time then' },
  ];

  it('is the appointment the listing before it showed under that ref', () => {
    expect(lastCanceled(history)?.start_local).toBe('2026-12-04T11:00');
    expect(lastCanceled(history.slice(0, 2))).toBeUndefined();
  });

  it('the last tool called before this message is the cancel', () => {
    expect(lastToolCalled(history)).toBe('cancel_appointment');
    expect(lastToolCalled(history.slice(0, 1))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { unmatchedCancel } from '../../../src/conversation/providers/offline/cancel-unmatched.ts';
import type { ChatMessage } from '../../../src/conversation/state.ts';
import { NY } from '../understanding/fixtures.ts';

// f24-c (set 23's zr090): a cancel whose words name a booking the customer no longer has (it was
// canceled a moment ago) or never had must propose none, not whichever booking is left.

const cut = { appointment_ref: 'A', service: 'Haircut', label: 'Haircut, Thu Dec 17, 1:00 PM with Dana', start_local: '2026-12-17T13:00' };
const color = { appointment_ref: 'B', service: 'Color', label: 'Color, Tue Dec 22, 10:00 AM with Dana', start_local: '2026-12-22T10:00' };
/** The conversation so far: the color listed with the cut, then canceled. */
const colorCanceled: ChatMessage[] = [
  { role: 'user', content: 'cancel the one on the 22nd' },
  { role: 'assistant', content: null, toolCall: { id: '1', name: 'list_my_appointments', arguments: '{}' } },
  { role: 'tool', toolCallId: '1', name: 'list_my_appointments', content: JSON.stringify({ ok: true, appointments: [cut, color] }) },
  { role: 'assistant', content: null, toolCall: { id: '2', name: 'cancel_appointment', arguments: '{"appointment_ref":"B"}' } },
  { role: 'tool', toolCallId: '2', name: 'cancel_appointment', content: '{"ok":true}' },
  { role: 'user', content: 'now' },
];
/** A whole day in New York, as the provider's memory keeps it. */
const day = (iso: string, extra: object = {}) => ({ from: `${iso}T05:00:00.000Z`, to: `${nextDay(iso)}T05:00:00.000Z`, dayNamed: true, ...extra });
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('a cancel of the booking canceled already', () => {
  it.each([
    ['cancel dec 22 color', { service: 'Color', when: day('2026-12-22') }],
    ['cancel the color', { service: 'Color' }],
    ['cancel my appt on the 22nd', { when: day('2026-12-22') }],
    ['cancel tuesday', { when: day('2026-12-22', { byWeekday: true }) }],
  ])('%j: it is already canceled, the cut is not proposed', (_text, said) => {
    expect(unmatchedCancel(colorCanceled, [cut], [said], NY)?.kind).toBe('already');
  });

  it.each([
    ['cancel my cut', { service: 'Haircut' }],
    ['cancel the 17th', { when: day('2026-12-17') }],
    ['cancel my cut on the 17th', { service: 'Haircut', when: day('2026-12-17') }],
    ['cancel the 1pm', { when: { from: '2026-12-17T18:00:00.000Z', to: '2026-12-17T18:01:00.000Z', exactTime: true, dayNamed: false } }],
    ['cancel it', {}],
  ])('%j: the booking left is meant', (_text, said) => {
    expect(unmatchedCancel(colorCanceled, [cut], [said], NY)).toBeUndefined();
  });
});

describe('a cancel naming a booking never had', () => {
  it.each([
    ['cancel my color on the 9th', { service: 'Color', when: day('2026-12-09') }],
    ['cancel the color on tuesday the 22nd', { service: 'Color', when: day('2026-12-22', { byWeekday: true }) }],
  ])('%j with only a cut booked: none proposed', (_text, said) => {
    expect(unmatchedCancel([], [cut], [said], NY)?.kind).toBe('none');
  });

  it.each([
    // A day alone may be misread from other words ("hi this is marcy" as March): the cut is still meant.
    ['hi this is marcy, cancel my haircut on the 10th', { service: 'Haircut', when: day('2027-03-01') }],
    ['cancel the one on the 9th', { when: day('2026-12-09') }],
    // A service said as the reason: "cancel it pls, ill just come in for a cut some other time".
    ['cancel it, ill come in for a color some other time', { service: 'Color' }],
    // The color named fits its day: a day of another booking is left to the provider's other rules.
    ['cancel my color on the 17th', { service: 'Color', when: day('2026-12-17') }],
  ])('%j: not stopped', (_text, said) => {
    expect(unmatchedCancel([], [cut], [said], NY)).toBeUndefined();
  });
});

// f24-c (set 23's zr096): "make sure both wed and fri are cancelled" once both are: the color on
// Wednesday the 16th (the same weekday, another week) must not be proposed in their place.
const wed = { appointment_ref: 'W', service: 'Haircut', label: 'Haircut, Wed Dec 2, 12:00 PM with Lee', start_local: '2026-12-02T12:00' };
const fri = { appointment_ref: 'F', service: 'Haircut', label: 'Haircut, Fri Dec 4, 12:00 PM with Lee', start_local: '2026-12-04T12:00' };
const color16 = { appointment_ref: 'C', service: 'Color', label: 'Color, Wed Dec 16, 10:00 AM with Dana', start_local: '2026-12-16T10:00' };
const bothCanceled = (alsoFri: boolean): ChatMessage[] => [
  { role: 'user', content: 'cancel both my cuts (wed + fri)' },
  { role: 'assistant', content: null, toolCall: { id: '1', name: 'list_my_appointments', arguments: '{}' } },
  { role: 'tool', toolCallId: '1', name: 'list_my_appointments', content: JSON.stringify({ ok: true, appointments: [wed, fri, color16] }) },
  { role: 'assistant', content: null, toolCall: { id: '2', name: 'cancel_appointment', arguments: JSON.stringify({ appointment_ref: 'W', also_refs: alsoFri ? ['F'] : null }) } },
  { role: 'tool', toolCallId: '2', name: 'cancel_appointment', content: '{"ok":true}' },
];
const wedSaid = { when: day('2026-12-02', { byWeekday: true }) };
const friSaid = { when: day('2026-12-04', { byWeekday: true }) };

describe('several named, canceled already', () => {
  it('both canceled on one yes: already, the color stays out of it', () => {
    const u = unmatchedCancel(bothCanceled(true), [color16], [wedSaid, friSaid], NY);
    expect(u?.kind).toBe('already');
    expect(u?.kind === 'already' && u.appointments.map((a) => a.appointment_ref)).toEqual(['W', 'F']);
  });

  it('wednesday alone said again once canceled: already, not the color on another wednesday', () => {
    expect(unmatchedCancel(bothCanceled(false), [fri, color16], [wedSaid], NY)?.kind).toBe('already');
  });

  it('friday still booked: not stopped', () => {
    expect(unmatchedCancel(bothCanceled(false), [fri, color16], [wedSaid, friSaid], NY)).toBeUndefined();
    expect(unmatchedCancel(bothCanceled(false), [fri, color16], [friSaid], NY)).toBeUndefined();
  });
});

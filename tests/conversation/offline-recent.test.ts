import { describe, expect, it } from 'vitest';
import { againAsBefore, recentAppointment, recentDay } from '../../src/conversation/providers/offline/recent.ts';
import type { ProviderView } from '../../src/conversation/providers/types.ts';
import type { ChatMessage } from '../../src/conversation/state.ts';
import type { Understanding } from '../../src/conversation/understanding/index.ts';

// "book the same thing for thursday the 10th": the booking last made, moved or canceled, read
// back from the transcript's tool calls and results (the provider's memory is gone by then).

const NY = 'America/New_York';
const call = (id: string, name: string, args: object, result: object): ChatMessage[] => [
  { role: 'assistant', content: null, toolCall: { id, name, arguments: JSON.stringify(args) } },
  { role: 'tool', toolCallId: id, name, content: JSON.stringify(result) },
];
const listing = call('1', 'list_my_appointments', {}, {
  ok: true,
  appointments: [
    { appointment_ref: 'A1', service: 'Haircut', label: 'Haircut, Thu Dec 3, 10:00 AM', start_local: '2026-12-03T10:00' },
    { appointment_ref: 'A2', service: 'Color', label: 'Color, Fri Dec 4, 2:30 PM', start_local: '2026-12-04T14:30' },
  ],
});
const search = call('3', 'find_slots', { service: 'color' }, {
  ok: true,
  service: 'color',
  offers: [{ number: 1, offer_id: 'o1', label: 'Fri Dec 4, 3:30 PM with Dana' }, { number: 2, offer_id: 'o2', label: 'Fri Dec 4, 9:00 AM with Dana' }],
});
const view = {
  timeZone: NY,
  services: [
    { id: 'h', name: 'Haircut', slug: 'haircut', synonyms: [] },
    { id: 'c', name: 'Color', slug: 'color', synonyms: [] },
  ],
} as unknown as ProviderView;

describe('the booking last acted on', () => {
  it('a cancel: the listed appointment it named, with its day', () => {
    const history = [{ role: 'user', content: 'C' }, ...listing, ...call('2', 'cancel_appointment', { appointment_ref: 'A2' }, { ok: true })] as ChatMessage[];
    expect(recentAppointment(history)).toEqual({ service: 'Color', time: { hour: 14, minute: 30 }, day: '2026-12-04' });
  });

  it('a booking or a move: the offer it took, on the day and at the time its label shows', () => {
    expect(recentAppointment([...search, ...call('4', 'book_offer', { offer_id: 'o2' }, { ok: true })])).toEqual({ service: 'color', time: { hour: 9, minute: 0 }, day: 'Fri Dec 4' });
    expect(recentAppointment([...search, ...call('4', 'reschedule_appointment', { offer_id: 'o1' }, { ok: true })])).toEqual({ service: 'color', time: { hour: 15, minute: 30 }, day: 'Fri Dec 4' });
  });

  it('the day of the booking last acted on, as a date: a label without its year falls in this year or the next, whichever has that weekday', () => {
    const at = (now: string) => ({ ...view, now }) as ProviderView;
    const took = (label: string) => [...call('3', 'find_slots', { service: 'color' }, { ok: true, service: 'color', offers: [{ number: 1, offer_id: 'o1', label }] }), ...call('4', 'book_offer', { offer_id: 'o1' }, { ok: true })];
    expect(recentDay(at('2026-12-01T14:00:00Z'), took('Fri Dec 4, 9:00 AM with Dana'))).toBe('2026-12-04');
    expect(recentDay(at('2026-12-01T14:00:00Z'), took('Fri Jan 8, 9:00 AM with Dana'))).toBe('2027-01-08');
    expect(recentDay(at('2026-12-01T14:00:00Z'), [{ role: 'user', content: 'C' }, ...listing, ...call('2', 'cancel_appointment', { appointment_ref: 'A1' }, { ok: true })] as ChatMessage[])).toBe('2026-12-03');
    expect(recentDay(at('2026-12-01T14:00:00Z'), [...listing, ...search])).toBeUndefined();
  });

  it('the last of several; none when nothing was booked, moved or canceled', () => {
    const history = [...listing, ...call('2', 'cancel_appointment', { appointment_ref: 'A1' }, {}), ...search, ...call('4', 'book_offer', { offer_id: 'o1' }, {})];
    expect(recentAppointment(history)?.service).toBe('color');
    expect(recentAppointment([...listing, ...search])).toBeUndefined();
  });
});

describe('"the same thing" on a new day', () => {
  const history = [...listing, ...call('2', 'cancel_appointment', { appointment_ref: 'A1' }, {})];
  const day = { from: new Date('2026-12-10T05:00:00Z'), to: new Date('2026-12-11T05:00:00Z'), exactTime: false, dayNamed: true, description: 'thursday' };

  it('takes the service and, on a day said alone, the time of day', () => {
    const u = againAsBefore(view, { intent: 'book', sameAsBefore: true, when: day }, { history, serviceKept: false });
    expect(u.serviceId).toBe('h');
    expect(u.when?.exactTime).toBe(true);
    expect(u.when?.from.toISOString()).toBe('2026-12-10T15:00:00.000Z');
  });

  it('a time said with it stays', () => {
    const when = { ...day, from: new Date('2026-12-10T19:00:00Z'), to: new Date('2026-12-10T19:01:00Z'), exactTime: true };
    expect(againAsBefore(view, { intent: 'book', sameAsBefore: true, when }, { history, serviceKept: false }).when).toEqual(when);
  });

  it('changes nothing while a service is named or already being booked', () => {
    const named: Understanding = { intent: 'book', sameAsBefore: true, serviceId: 'c', when: day };
    expect(againAsBefore(view, named, { history, serviceKept: false })).toBe(named);
    const kept: Understanding = { intent: 'book', sameAsBefore: true, when: day };
    expect(againAsBefore(view, kept, { history, serviceKept: true })).toBe(kept);
  });
});

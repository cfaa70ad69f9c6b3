import { describe, expect, it } from 'vitest';
import { askedHourAgain } from '../../../src/conversation/providers/offline-asked-hour.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';

// A lone number that repeats the hour asked for picks that time, not the offer of that number.

const zone = 'America/New_York';
const offer = (local: string) => ({ id: local, label: local, start: local, local, forAppointmentRef: null });
const view = { timeZone: zone, expecting: 'choice', offers: ['2026-12-09T16:00', '2026-12-09T15:00', '2026-12-09T15:30', '2026-12-09T16:30'].map(offer) } as unknown as ProviderView;
const asked4pm = { from: '2026-12-09T21:00:00.000Z', exactTime: true };

describe('a lone number that is the hour asked for', () => {
  it('"4" after asking for 4pm is 4 PM, not the fourth offer', () => {
    expect(askedHourAgain(view, { intent: 'choose', choiceIndex: 3 }, asked4pm, '4')).toEqual({ intent: 'choose', choiceTime: { hour: 16, minute: 0 } });
  });
  it.each([
    ['another number', '2', asked4pm],
    ['words around it', 'option 4', asked4pm],
    ['no exact time asked', '4', { ...asked4pm, exactTime: false }],
    ['a time no offer has', '5', { from: '2026-12-09T22:00:00.000Z', exactTime: true }],
  ])('%s: the pick by number stands', (_, text, asked) => {
    const u = { intent: 'choose' as const, choiceIndex: 1 };
    expect(askedHourAgain(view, u, asked, text)).toBe(u);
  });
  it('at a summary (no list being answered), "4" is left as it is', () => {
    const u = { intent: 'choose' as const, choiceIndex: 3 };
    expect(askedHourAgain({ ...view, expecting: 'confirmation' }, u, asked4pm, '4')).toBe(u);
  });
});

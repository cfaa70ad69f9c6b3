import { describe, expect, it } from 'vitest';
import { offerAtHourMeant } from '../../../src/conversation/providers/offline/asked-hour.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import type { Understanding } from '../../../src/conversation/understanding/index.ts';

// A number said to a list of offers is an hour when the words say a time, when the list
// leads with that hour, or when it repeats the hour asked for; else it is the option number.

const zone = 'America/New_York';
const offer = (local: string) => ({ id: local, label: local, start: local, local, forAppointmentRef: null });
const view = (locals: string[], expecting = 'choice') => ({ timeZone: zone, expecting, offers: locals.map(offer) }) as unknown as ProviderView;
const asked4pm = { from: '2026-12-09T21:00:00.000Z', exactTime: true };
const pick = (n: number, extra: Partial<Understanding> = {}): Understanding => ({ intent: 'choose', choiceIndex: n - 1, numberMayBeHour: true, ...extra });

describe('a lone number that repeats the hour asked for', () => {
  const list = view(['2026-12-09T15:00', '2026-12-09T16:00', '2026-12-09T15:30', '2026-12-09T16:30', '2026-12-09T14:00', '2026-12-09T14:30']);
  it('"4" after asking for 4pm is 4 PM, not the fourth offer', () => {
    expect(offerAtHourMeant(list, pick(4), asked4pm)?.local).toBe('2026-12-09T16:00');
  });
  it.each([
    ['another number', pick(2), asked4pm],
    ['words around it ("option 4")', pick(4, { numberMayBeHour: undefined }), asked4pm],
    ['no exact time asked', pick(4), { ...asked4pm, exactTime: false }],
    ['a time no offer has', pick(5), { from: '2026-12-09T22:00:00.000Z', exactTime: true }],
  ])('%s: the pick by number stands', (_, u, asked) => {
    expect(offerAtHourMeant(list, u, asked)).toBeUndefined();
  });
  it('at a summary (no list being answered), "4" is no hour unless the list leads with it', () => {
    const led = view(['2026-12-09T15:00', '2026-12-09T15:30', '2026-12-09T16:00', '2026-12-09T16:30'], 'confirmation');
    expect(offerAtHourMeant(led, pick(4), asked4pm)).toBeUndefined();
  });
});

describe('a number the list leads with, or said as a time', () => {
  const list = view(['2026-12-09T15:00', '2026-12-09T14:00', '2026-12-09T14:30', '2026-12-09T15:30']);
  it('"3" to a list led by 3:00 PM is 3 PM', () => {
    expect(offerAtHourMeant(list, pick(3), undefined)?.local).toBe('2026-12-09T15:00');
  });
  it('"what about 2" is the 2:00 PM offer, wherever it stands', () => {
    expect(offerAtHourMeant(list, pick(2, { numberMayBeHour: undefined, choiceTime: { hour: 14, minute: 0 } }), undefined)?.local).toBe('2026-12-09T14:00');
  });
  it('"2" alone is the second offer', () => {
    expect(offerAtHourMeant(list, pick(2), undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { RoutingStrategy } from '../../src/engine/ports.ts';
import { booking, planner, resource, service, snapshot } from './support/builders.ts';

// Who gets a booking when the customer does not choose. All deterministic.

const T = '2026-12-01T15:00:00Z';
const hours = [{ weekday: 2, startTime: '09:00', endTime: '17:00' }];

function pick(strategy: RoutingStrategy, over: Parameters<typeof snapshot>[0] = {}, opts: Parameters<typeof planner>[3] = {}) {
  const snap = snapshot({ service: service({ routingStrategy: strategy }), ...over });
  const r = planner(snap, T, T, opts).evaluate(Date.parse(T));
  if (!r.ok) throw new Error(r.message);
  return r.combo.resourceIds[0];
}

const a = resource({ id: 'a', weeklyHours: hours, languages: ['en'] });
const b = resource({ id: 'b', weeklyHours: hours, languages: ['en', 'es'] });
const c = resource({ id: 'c', weeklyHours: hours, languages: ['en'] });

describe('routing', () => {
  it('breaks ties by resource id', () => {
    expect(pick('round_robin', { resources: [c, b, a] })).toBe('a');
  });

  it('breaks ties by name before id, so a business set up again with new ids routes the same way', () => {
    const lee = resource({ id: 'a1', name: 'Lee', weeklyHours: hours });
    const dana = resource({ id: 'z9', name: 'Dana', weeklyHours: hours });
    expect(pick('round_robin', { resources: [lee, dana] })).toBe('z9');
    expect(pick('round_robin', { resources: [dana, lee] })).toBe('z9');
  });

  it('round robin: fewest bookings of the service this month, per unit of weight', () => {
    const monthlyCounts = new Map([
      ['a', new Map([['2026-12', 4]])],
      ['b', new Map([['2026-12', 3], ['2026-11', 0]])],
      ['c', new Map([['2026-11', 9]])],
    ]);
    expect(pick('round_robin', { resources: [a, b, c], monthlyCounts })).toBe('c');
    // c is back from leave with 0 this month: it catches up until its count matches.
    const heavy = resource({ ...a, routingWeight: 3 });
    const counts2 = new Map([
      ['a', new Map([['2026-12', 5]])],
      ['b', new Map([['2026-12', 2]])],
      ['c', new Map([['2026-12', 2]])],
    ]);
    // a: 5/3 ≈ 1.67 beats b and c at 2/1.
    expect(pick('round_robin', { resources: [heavy, b, c], monthlyCounts: counts2 })).toBe('a');
  });

  it('round robin over many bookings stays within one of the weighted share', () => {
    const heavy = resource({ ...a, routingWeight: 2 });
    const counts = new Map<string, Map<string, number>>();
    const tally: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 400; i++) {
      const id = pick('round_robin', { resources: [heavy, b, c], monthlyCounts: counts })!;
      tally[id]!++;
      counts.set(id, new Map([['2026-12', tally[id]!]]));
    }
    expect(tally).toEqual({ a: 200, b: 100, c: 100 });
  });

  it('least busy: fewest bookings that local day, whatever the month says', () => {
    const blocks = [booking('a', '2026-12-01T14:00:00Z', '2026-12-01T14:30:00Z'), booking('b', '2026-12-01T16:00:00Z', '2026-12-01T16:30:00Z')];
    const monthlyCounts = new Map([['c', new Map([['2026-12', 50]])]]);
    expect(pick('least_busy', { resources: [a, b, c], blocks, monthlyCounts })).toBe('c');
  });

  it('previous provider for a returning customer, else round robin', () => {
    const customer = { id: 'cust', language: 'en', postalCode: null, previousResourceIds: ['x-gone', 'b', 'a'] };
    expect(pick('previous_provider', { resources: [a, b, c], customer })).toBe('b');
    // b is busy: the next most recent provider.
    expect(pick('previous_provider', { resources: [a, b, c], customer, blocks: [booking('b', T, '2026-12-01T15:30:00Z')] })).toBe('a');
    expect(pick('previous_provider', { resources: [a, b, c] })).toBe('a');
  });

  it("language first: staff speaking the customer's language, else round robin", () => {
    expect(pick('language_first', { resources: [a, b, c] }, { preferredLanguage: 'es' })).toBe('b');
    const customer = { id: 'cust', language: 'es', postalCode: null, previousResourceIds: [] };
    expect(pick('language_first', { resources: [a, b, c], customer })).toBe('b');
    expect(pick('language_first', { resources: [a, c], customer })).toBe('a');
  });

  it('the same inputs give the same slots and assignments', () => {
    const snap = snapshot({ resources: [c, a, b] });
    const run = () => planner(snap, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z').slots(Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-02T00:00:00Z'));
    expect(run()).toEqual(run());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import type { SchedulingStore } from '../../src/engine/ports.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createBusiness, createResource, createService, system } from './support/fixtures.ts';

// A one-to-one booking is decided without reading reservations, but the store lists
// those it wrote itself (src/db/scheduling/written.ts): asking again for a time this
// process booked goes straight to someone free instead of through a refused write. A
// cancel through the store forgets them, so freed time is routed to again.

describe('a blind booking and the store’s own writes', () => {
  let t: TestDatabase;
  let staff: { x: string; y: string };
  const now = new Date('2026-11-30T12:00:00Z');
  const nine = new Date('2026-12-01T14:00:00Z'); // 09:00 in New York
  const ten = new Date('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const a = await createResource(t.db, location.id, { name: 'A' });
    const b = await createResource(t.db, location.id, { name: 'B' });
    // Round robin breaks ties by name: A (x) is the one picked first.
    staff = { x: a.id, y: b.id };
    await createService(t.db, business.id, { slug: 'visit', eligible: [a.id, b.id] });
  });
  afterAll(() => t.drop());

  function counted(): { store: SchedulingStore; writes: () => number } {
    const real = createSchedulingStore(t.pool);
    let writes = 0;
    const store: SchedulingStore = {
      ...real,
      commitGuarded(b) {
        writes++;
        return real.commitGuarded(b);
      },
    };
    return { store, writes: () => writes };
  }

  it('books a time it booked before for someone else in one write, and routes to time a cancel freed', async () => {
    const { store, writes } = counted();
    const scheduler = createScheduler(store, () => now);
    const book = (start: Date) => scheduler.book({ service: 'visit', start, channel: 'api', actor: system });

    const first = await book(nine);
    const other = await book(ten);
    expect(first.ok && first.appointment.resourceIds).toEqual([staff.x]);
    expect(other.ok && other.appointment.resourceIds).toEqual([staff.y]);
    expect(writes()).toBe(2);

    // One booking each: round robin names x again for 09:00, which this store booked.
    const again = await book(nine);
    expect(again.ok && again.appointment.resourceIds).toEqual([staff.y]);
    expect(writes()).toBe(3);

    if (!first.ok) throw new Error('first booking refused');
    expect((await scheduler.cancel(first.appointment.id, system)).ok).toBe(true);
    const freed = await book(nine);
    expect(freed.ok && freed.appointment.resourceIds).toEqual([staff.x]);
    expect(writes()).toBe(4);
  });
});

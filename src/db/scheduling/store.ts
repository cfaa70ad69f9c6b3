import type { AppointmentEventView, Channel } from '../../engine/api.ts';
import type { SchedulingStore } from '../../engine/ports.ts';
import type pg from 'pg';
import { BusyCache } from './busy.ts';
import { commitGuarded } from './commit.ts';
import { bookHoldGuarded } from './commit-hold.ts';
import * as plans from './plans.ts';
import { listFilter, toView, type ViewRow } from './rows.ts';
import { ScheduleCache, isUuid, loadSnapshot } from './snapshot.ts';
import { run, sqlFor } from './sql.ts';
import { createTx } from './tx.ts';

// The Postgres side of the engine's storage port. The scheduling configuration is
// cached in memory by version (./config.ts); what changes with bookings is read in
// ONE set-based statement with that version (./snapshot.ts) whatever the number of
// resources; reservations are kept in memory per resource-day and only the days
// changed since are read again (./busy.ts). Writes are plain inserts (./tx.ts); the exclusion constraint
// `reservation_no_overlap` and the unique idempotency key are reported as typed
// errors (./translate.ts). A one-to-one booking is written in ONE statement guarded
// by the configuration version its decision used (./commit.ts). Every statement is a
// named plan in ./plans.ts.

interface EventRow {
  action: string;
  actor_type: AppointmentEventView['actorType'];
  actor_id: string | null;
  channel: Channel | null;
  before: unknown;
  after: unknown;
  at: number;
}

/** The store on its own pg pool (createPool in ../client.ts, which pins sessions to UTC). */
export function createSchedulingStore(pool: pg.Pool): SchedulingStore {
  const sql = sqlFor(pool);
  const cache = new ScheduleCache();
  const busy = new BusyCache();
  return {
    loadSnapshot: (req) => loadSnapshot(cache, sql, req, busy),

    commitGuarded: (b) => commitGuarded(sql, cache, b),

    bookHoldGuarded: (b) => bookHoldGuarded(sql, cache, b),

    async transaction(fn) {
      try {
        return await sql.transaction((tx) => fn(createTx(tx, cache)));
      } finally {
        // Holds, cancellations, reschedules and counted bookings change round-robin
        // counts in ways not worth following one by one: count again on next use.
        cache.dropCounts();
        // A cancel or a move may have freed time this store noted as its own.
        cache.written.clear();
      }
    },

    async findAppointmentByIdempotencyKey(key) {
      const [row] = await run<ViewRow>(sql, plans.appointmentByIdempotencyKey(), key);
      return row ? toView(row) : null;
    },

    async getAppointment(id) {
      if (!isUuid(id)) return null;
      const [row] = await run<ViewRow>(sql, plans.appointmentById(), id);
      return row ? toView(row) : null;
    },

    async getEvents(appointmentId): Promise<AppointmentEventView[]> {
      if (!isUuid(appointmentId)) return [];
      const rows = await run<EventRow>(sql, plans.eventsOf(), appointmentId);
      return rows.map((e) => ({
        action: e.action,
        actorType: e.actor_type,
        actorId: e.actor_id,
        channel: e.channel,
        before: e.before,
        after: e.after,
        at: new Date(e.at),
      }));
    },

    async listAppointments(f) {
      // An id that is no uuid names no appointment, resource, customer or user.
      if ([f.resourceId, f.customerId, f.requesterUserId, f.after].some((id) => id && !isUuid(id))) return { items: [], nextCursor: null };
      const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
      const { on, filter } = listFilter(f, limit);
      const rows = await run<ViewRow>(sql, plans.listAppointments(on), filter);
      const items = rows.slice(0, limit).map(toView);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    async deleteHold(holdId) {
      if (!isUuid(holdId)) return;
      await run(sql, plans.deleteHold(), holdId);
    },
  };
}

import type { GuardedHoldBooking, HoldBookingOutcome } from '../../engine/ports.ts';
import { readBack, viewFromConfig, type WrittenRow } from './commit.ts';
import * as plans from './plans.ts';
import { appointmentRow, contactOf, eventRow, holdGuardRow } from './rows.ts';
import type { ScheduleCache } from './snapshot.ts';
import type { Sql } from './sql.ts';
import { refusalsTranslated } from './translate.ts';

// A booking from a live hold written in ONE call (plans.bookHoldGuarded, the
// server-side function scheduling_book_hold), and the view of it built without
// reading it back.

interface HoldCommitRow extends WrittenRow {
  outcome: 'booked' | 'expired' | 'stale';
  id: string | null;
  location_id: string | null;
  resource_ids: string[] | null;
}

export async function bookHoldGuarded(sql: Sql, cache: ScheduleCache, b: GuardedHoldBooking): Promise<HoldBookingOutcome> {
  const rows = await refusalsTranslated(() =>
    sql.query<HoldCommitRow>({
      name: 'scheduling_book_hold',
      text: plans.bookHoldGuarded(),
      values: [holdGuardRow(b), appointmentRow(b.appointment), eventRow(b.event), contactOf(b.appointment)],
    }),
  );
  const row = rows[0]!;
  if (row.outcome === 'expired') return { outcome: 'expired' };
  if (row.outcome === 'stale') {
    // The configuration may have moved: whoever decides again must not get this copy.
    cache.dropConfig();
    return { outcome: 'stale' };
  }
  // The held time now counts as a booking: count again on next use, as after any transaction.
  cache.dropCounts();
  const a = { ...b.appointment, locationId: row.location_id! };
  const resourceIds = [...new Set(row.resource_ids ?? [])];
  return { outcome: 'booked', appointment: viewFromConfig(cache, b.versions.schedule, a, row, resourceIds) ?? (await readBack(sql, a.id)) };
}

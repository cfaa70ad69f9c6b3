import type { AppointmentView } from '../../engine/api.ts';
import type { GuardedBooking, NewAppointment } from '../../engine/ports.ts';
import * as plans from './plans.ts';
import { appointmentRow, contactOf, eventRow, guardRow, reservationRows, toView, type ViewRow } from './rows.ts';
import type { ScheduleCache } from './snapshot.ts';
import type { Sql } from './sql.ts';
import { refusalsTranslated } from './translate.ts';

// A one-to-one booking written in ONE call guarded by the configuration version its
// decision used (plans.commitGuarded, the server-side function scheduling_book), and
// the view of it built without reading it back.

interface CommitRow {
  id: string;
  intake: Record<string, unknown> | null;
  created_at: number;
  customer_id: string | null;
  customer_phone: string | null;
  customer_name: string | null;
  reserved: number;
}

// The order the appointment view lists an appointment's resources in.
const KIND_RANK: Record<string, number> = { staff: 0, room: 1, equipment: 2 };

export async function commitGuarded(sql: Sql, cache: ScheduleCache, b: GuardedBooking): Promise<AppointmentView | null> {
  const { appointment: a, reservations } = b;
  const rows = await refusalsTranslated(() =>
    sql.query<CommitRow>({
      name: 'scheduling_commit',
      text: plans.commitGuarded(),
      values: [guardRow(b), appointmentRow(a), reservationRows(reservations), eventRow(b.event), contactOf(a)],
    }),
  );
  const row = rows[0];
  if (!row) {
    // The configuration moved since the decision: whoever decides again must not get this copy.
    cache.dropConfig();
    return null;
  }
  const resourceIds = [...new Set(reservations.map((r) => r.resourceId))];
  if (row.reserved !== reservations.length) throw new Error(`Appointment ${a.id} was written with ${row.reserved} of ${reservations.length} reservations.`);
  cache.noteBooking(a.serviceId, resourceIds, a.start.getTime());
  cache.written.note(
    reservations.map((r) => ({ resourceId: r.resourceId, start: r.blockStart, end: r.blockEnd, sessionKey: r.sessionKey, bookedStart: a.start, serviceId: a.serviceId, ownerId: a.id })),
  );
  return viewFromConfig(cache, b.versions.schedule, a, row, resourceIds) ?? readBack(sql, a.id);
}

export async function readBack(sql: Sql, id: string): Promise<AppointmentView> {
  const [view] = await sql.query<ViewRow>({ text: plans.appointmentById(), values: [id] });
  return toView(view!);
}

/** What a one-statement booking returns besides the rows it was given. */
export type WrittenRow = Pick<CommitRow, 'intake' | 'created_at' | 'customer_id' | 'customer_phone' | 'customer_name'>;

/**
 * Names and zone as of the version the write was guarded by; null should the cache
 * have moved on meanwhile (the caller reads the view back instead).
 */
export function viewFromConfig(cache: ScheduleCache, version: string, a: NewAppointment, row: WrittenRow, resourceIds: string[]): AppointmentView | null {
  const config = cache.peek();
  const service = config?.version === version ? config.servicesById.get(a.serviceId) : undefined;
  const location = service ? config!.locations.find((l) => l.id === a.locationId) : undefined;
  const sorted: Array<{ id: string; name: string; kind: string }> = [];
  for (const id of location ? resourceIds : []) {
    const r = config!.resources.find((c) => c.record.id === id)?.record;
    if (r) sorted.push(r);
  }
  if (!service || !location || sorted.length !== resourceIds.length) return null;
  sorted.sort((x, y) => (KIND_RANK[x.kind] ?? 3) - (KIND_RANK[y.kind] ?? 3) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    id: a.id,
    serviceId: a.serviceId,
    serviceName: service.name,
    locationId: a.locationId,
    timeZone: location.timeZone,
    customerId: row.customer_id,
    customerPhone: row.customer_phone,
    customerName: row.customer_name,
    requesterUserId: a.requesterUserId,
    status: a.status,
    start: a.start,
    end: a.end,
    resourceIds: sorted.map((r) => r.id),
    resourceNames: sorted.map((r) => r.name),
    channel: a.channel,
    intake: row.intake ?? {},
    rescheduledFromId: a.rescheduledFromId,
    ruleVersion: a.ruleVersion,
    notes: a.notes,
    canceledAt: null,
    cancelReason: null,
    canceledBy: null,
    lateCancel: null,
    createdAt: new Date(row.created_at),
  };
}

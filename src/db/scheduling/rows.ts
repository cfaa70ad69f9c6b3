import type { AppointmentFilter, AppointmentStatus, AppointmentView, Channel } from '../../engine/api.ts';
import type { AppointmentRecord, EventRecord, GuardedBooking, GuardedHoldBooking, NewAppointment, NewHold, NewReservation, SchedulingTx } from '../../engine/ports.ts';
import type { ListConditions } from './plans.ts';

// Between the engine's records and the plans' JSON parameters: rows going in are
// serialized with the column names ./plans.ts reads them by; rows coming out of the
// appointment view become the engine's records.

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Parameters are passed as JSON text: the driver would turn a bare array into a Postgres array. */
export const json = (value: unknown) => JSON.stringify(value);

/** A held appointment's location is the hold's, filled in by the statement. */
export function appointmentRow(a: Omit<NewAppointment, 'locationId'> & { locationId?: string }): string {
  return json({
    id: a.id,
    service_id: a.serviceId,
    location_id: a.locationId ?? null,
    customer_id: a.customerId,
    requester_user_id: a.requesterUserId,
    starts_at: iso(a.start),
    ends_at: iso(a.end),
    status: a.status,
    channel: a.channel,
    intake: a.intake,
    attachments: a.attachments,
    notes: a.notes,
    rescheduled_from_id: a.rescheduledFromId,
    idempotency_key: a.idempotencyKey,
    rule_version: a.ruleVersion,
    confirmed_at: iso(a.confirmedAt),
  });
}

/** The customer named by phone with the booking, if any (customerCte in ./plans.ts). */
export function contactOf(a: Pick<NewAppointment, 'customer'>): string {
  return json({ phone: a.customer?.phone ?? null, name: a.customer?.name ?? null });
}

export function reservationRows(reservations: NewReservation[]): string {
  return json(reservations.map((r) => ({ resource_id: r.resourceId, session_key: r.sessionKey, block_start: iso(r.blockStart), block_end: iso(r.blockEnd) })));
}

export function holdRow(h: NewHold): string {
  return json({
    id: h.id,
    service_id: h.serviceId,
    location_id: h.locationId,
    customer_id: h.customerId,
    conversation_id: h.conversationId,
    starts_at: iso(h.start),
    ends_at: iso(h.end),
    expires_at: iso(h.expiresAt),
  });
}

export function eventRow(e: EventRecord): string {
  return json({
    appointment_id: e.appointmentId,
    actor_type: e.actor.type,
    actor_id: e.actor.id ?? null,
    channel: e.actor.channel ?? null,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    at: iso(e.at),
  });
}

/** The guard of a one-statement booking: the configuration version, and where stale holds may be in the way. */
export function guardRow(b: GuardedBooking): string {
  return json({
    version: b.versions.schedule,
    now: iso(b.now),
    block_from: iso(new Date(Math.min(...b.reservations.map((r) => r.blockStart.getTime())))),
    block_to: iso(new Date(Math.max(...b.reservations.map((r) => r.blockEnd.getTime())))),
  });
}

/** The guard of a booking from a hold: the configuration version and the hold as the decision assumed it. */
export function holdGuardRow(b: GuardedHoldBooking): string {
  return json({
    version: b.versions.schedule,
    now: iso(b.now),
    hold_id: b.holdId,
    service_id: b.appointment.serviceId,
    starts_at: iso(b.appointment.start),
    ends_at: iso(b.appointment.end),
    session_key: b.holdSessionKey,
  });
}

/** Only the columns the patch names: absent keys keep their value (json_populate_record). */
export function appointmentPatch(patch: Parameters<SchedulingTx['updateAppointment']>[1]): string {
  return json({
    status: patch.status,
    confirmed_at: patch.confirmedAt?.toISOString(),
    canceled_at: patch.canceledAt?.toISOString(),
    cancel_reason: patch.cancelReason,
    canceled_by: patch.canceledBy,
    late_cancel: patch.lateCancel,
  });
}

/** Which conditions a listing applies, and the filter (with the page size) they read. */
export function listFilter(f: AppointmentFilter, limit: number): { on: ListConditions; filter: string } {
  const on: ListConditions = {
    status: Boolean(f.status?.length),
    resourceId: Boolean(f.resourceId),
    customerId: Boolean(f.customerId),
    customerPhone: Boolean(f.customerPhone),
    requesterUserId: Boolean(f.requesterUserId),
    from: Boolean(f.from),
    to: Boolean(f.to),
    after: Boolean(f.after),
  };
  return { on, filter: json({ ...f, from: f.from?.toISOString(), to: f.to?.toISOString(), limit }) };
}

/** A row of APPOINTMENT_VIEW in ./plans.ts. */
export interface ViewRow {
  id: string;
  service_id: string;
  service_name: string;
  location_id: string;
  time_zone: string;
  customer_id: string | null;
  customer_phone: string | null;
  customer_name: string | null;
  status: AppointmentStatus;
  starts_at: number;
  ends_at: number;
  channel: Channel;
  intake: Record<string, unknown>;
  attachments: unknown[];
  notes: string | null;
  rescheduled_from_id: string | null;
  rule_version: number;
  canceled_at: number | null;
  cancel_reason: string | null;
  canceled_by: string | null;
  late_cancel: boolean | null;
  created_at: number;
  requester_user_id: string | null;
  cancellation_window_minutes: number;
  res: Array<[string, string, string]>;
}

export function toRecord(r: ViewRow): AppointmentRecord {
  return {
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    locationId: r.location_id,
    timeZone: r.time_zone,
    customerId: r.customer_id,
    customerPhone: r.customer_phone,
    customerName: r.customer_name,
    status: r.status,
    start: new Date(r.starts_at),
    end: new Date(r.ends_at),
    resourceIds: r.res.map((x) => x[0]),
    resourceNames: r.res.map((x) => x[1]),
    channel: r.channel,
    intake: r.intake ?? {},
    rescheduledFromId: r.rescheduled_from_id,
    ruleVersion: r.rule_version,
    notes: r.notes,
    canceledAt: r.canceled_at === null ? null : new Date(r.canceled_at),
    cancelReason: r.cancel_reason,
    canceledBy: r.canceled_by,
    lateCancel: r.late_cancel,
    createdAt: new Date(r.created_at),
    sessionKeys: [...new Set(r.res.map((x) => x[2]))],
    cancellationWindowMinutes: r.cancellation_window_minutes,
    requesterUserId: r.requester_user_id,
    attachments: r.attachments ?? [],
  };
}

export function toView(r: ViewRow): AppointmentView {
  const { sessionKeys: _s, cancellationWindowMinutes: _c, attachments: _a, ...view } = toRecord(r);
  return view;
}

import { DateTime } from 'luxon';
import type { AppointmentFacts } from '../contract/notifier.ts';
import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { AppointmentView, Scheduler, Slot } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import { engineActor, factsOf, GONE, mayChange } from './access.ts';

// A staff member moves an appointment on their schedule from a chat button (Slack's
// Reschedule), channel-independent: the engine's free times for it (its own provider
// first, then the location's other staff the engine lets serve it), and the move
// itself through the engine as that user. The matrix's `appointments.change` decides
// who: own means the appointment is on their staff resource; a manager may move any.
// The customer hears of the new time from their own channel's confirmation notice,
// as after a move through the admin API. A time taken meanwhile is refused by the
// engine, nothing is written, and fresh times come back with the refusal.

export interface StaffMoveDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  clock: Clock;
  /** Tells the customer about the appointment now booked; never throws (notify-customer.ts). */
  tellCustomer(appointmentId: string): Promise<unknown>;
}

/** One time the appointment can move to: on which provider, and how to say it. */
export interface MoveTime {
  /** ISO instant. */
  start: string;
  resourceId: string;
  /** "Wed Dec 2, 10:00 AM with Dana", in the location's zone. */
  label: string;
}

export type MoveTimesAnswer = { ok: true; facts: AppointmentFacts; times: MoveTime[] } | { ok: false; message: string };
/** Moved (`facts` is the appointment now booked), or refused; a refusal of the time itself comes with the appointment and fresh times. */
export type MoveAnswer = { ok: true; facts: AppointmentFacts; from: AppointmentFacts } | { ok: false; message: string; fresh?: { facts: AppointmentFacts; times: MoveTime[] } };

const WINDOW_DAYS = 14;
const PER_PROVIDER = 6;
const NOT_YOURS = 'Only the staff member of this appointment, or a manager, can move it.';

type Movable = { ok: true; appointment: AppointmentView } | { ok: false; message: string };

/** The appointment, when it exists, is still live and this actor may move it. */
async function movable(deps: StaffMoveDeps, appointmentId: string, actor: OpsActor): Promise<Movable> {
  const appointment = await deps.scheduler.getAppointment(appointmentId);
  if (!appointment) return { ok: false, message: GONE };
  if (!(await mayChange(deps.db, actor, appointment, 'staffed'))) return { ok: false, message: NOT_YOURS };
  if (appointment.status !== 'requested' && appointment.status !== 'confirmed') return { ok: false, message: `This appointment is ${appointment.status.replace('_', '-')}; it cannot be moved.` };
  return { ok: true, appointment };
}

/** The location's active staff, the appointment's own provider first; the engine decides which may serve it. */
async function providersOf(db: PrismaClient, a: AppointmentView): Promise<Array<{ id: string; name: string }>> {
  const staff = await db.resource.findMany({ where: { locationId: a.locationId, kind: 'staff', active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const own = (r: { id: string }) => (a.resourceIds.includes(r.id) ? 0 : 1);
  return staff.sort((x, y) => own(x) - own(y));
}

const label = (slot: Slot, name: string) => `${DateTime.fromJSDate(slot.start, { zone: slot.timeZone ?? 'UTC' }).toFormat('ccc LLL d, h:mm a')} with ${name}`;

/** The engine's free times for this appointment over the next two weeks, provider by provider. */
async function freeTimes(deps: StaffMoveDeps, a: AppointmentView): Promise<MoveTime[]> {
  const from = deps.clock();
  const to = new Date(from.getTime() + WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const providers = await providersOf(deps.db, a);
  // One query per provider: a location's staff are few, and each list stays the engine's own answer.
  const lists = await Promise.all(
    providers.map(async (p) => {
      const slots = await deps.scheduler.findSlots({ service: a.serviceId, from, to, locationId: a.locationId, resourceId: p.id, customerId: a.customerId ?? undefined, limit: PER_PROVIDER });
      return slots.map((s) => ({ start: s.start.toISOString(), resourceId: p.id, label: label(s, p.name) }));
    }),
  );
  return lists.flat();
}

export async function timesToMove(deps: StaffMoveDeps, p: { appointmentId: string; actor: OpsActor }): Promise<MoveTimesAnswer> {
  const found = await movable(deps, p.appointmentId, p.actor);
  if (!found.ok) return found;
  return { ok: true, facts: await factsOf(deps.db, found.appointment.id), times: await freeTimes(deps, found.appointment) };
}

/** Moves the appointment to `start` on `resourceId` through the engine, then tells the customer. */
export async function rescheduleAsStaff(deps: StaffMoveDeps, p: { appointmentId: string; start: Date; resourceId: string; actor: OpsActor }): Promise<MoveAnswer> {
  const found = await movable(deps, p.appointmentId, p.actor);
  if (!found.ok) return found;
  const fresh = async () => ({ facts: await factsOf(deps.db, found.appointment.id), times: await freeTimes(deps, found.appointment) });
  // Only the location's staff: a value that names anything else was not offered.
  const onStaff = (await providersOf(deps.db, found.appointment)).some((r) => r.id === p.resourceId);
  if (!onStaff || Number.isNaN(p.start.getTime())) return { ok: false, message: 'Pick one of the free times.', fresh: await fresh() };
  const result = await deps.scheduler.reschedule(found.appointment.id, p.start, engineActor(p.actor), { resourceId: p.resourceId });
  if (!result.ok) {
    const message = result.kind === 'conflict' ? 'That time was taken meanwhile; nothing was changed. Pick another.' : `${result.message} Nothing was changed.`;
    return { ok: false, message, fresh: await fresh() };
  }
  await deps.tellCustomer(result.appointment.id);
  return { ok: true, facts: await factsOf(deps.db, result.appointment.id), from: await factsOf(deps.db, found.appointment.id) };
}

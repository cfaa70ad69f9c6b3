import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import { appointmentRecord, exceptionRecord } from '../views/records.ts';
import { isAppointmentEvent } from './events.ts';

// An event's `data`: the appointment or the exception as src/views/records.ts shapes
// them, the same as the admin API's GET /appointments/:id (without its history) and
// GET /exceptions/:id (without its context).

export async function exceptionData(db: PrismaClient, id: string): Promise<Record<string, unknown> | null> {
  const e = await db.exception.findUnique({ where: { id } });
  return e ? exceptionRecord(e) : null;
}

/** The record an event is about, as it is now; null when it no longer exists. */
export async function eventData(deps: { db: PrismaClient; scheduler: Pick<Scheduler, 'getAppointment'> }, event: { type: string; entityId: string }) {
  if (!isAppointmentEvent(event.type)) return exceptionData(deps.db, event.entityId);
  const appointment = await deps.scheduler.getAppointment(event.entityId);
  return appointment ? appointmentRecord(appointment) : null;
}

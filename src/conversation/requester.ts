import type { Tx } from './store.ts';

// Who requested an appointment (a Slack/Teams user booking for themselves) is not part of
// the engine's AppointmentView, nor can its listAppointments filter by it. Until it can,
// these are the conversation's only reads of the appointment table, kept here so there is
// one place to swap for the Scheduler's views.

/** The app user who requested the appointment, if any. */
export async function requesterOf(tx: Tx, appointmentId: string): Promise<string | null> {
  const row = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { requesterUserId: true } });
  return row?.requesterUserId ?? null;
}

/** Ids of the user's own upcoming active appointments, soonest first. */
export async function upcomingRequestedBy(tx: Tx, userId: string, now: Date, limit: number): Promise<string[]> {
  const rows = await tx.appointment.findMany({
    where: { requesterUserId: userId, status: { in: ['requested', 'confirmed'] }, startsAt: { gte: now } },
    orderBy: { startsAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

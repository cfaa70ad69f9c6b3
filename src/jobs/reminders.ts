import type { AppContext } from '../context.ts';
import { zoneMayDiffer } from '../channels/sms/phone.ts';
import { formatWhenWithZone } from '../channels/sms/render.ts';
import type { SmsSender } from '../channels/sms/outbound.ts';

// Appointment reminders by SMS, run every minute by pg-boss (and callable directly
// with any "now", which is how tests drive it).
//
// Rules:
// - Only confirmed appointments that have not started get reminders, at each of
//   the service's reminderOffsetsMinutes before the start.
// - Each reminder is keyed `reminder:<appointmentId>:<offset>:sms`, so however
//   often the job runs (or however many instances run it) it is sent once.
// - Status, time and recipient are re-read right before sending: a canceled
//   appointment gets nothing, and a rescheduled one is a new appointment with its
//   own id, hence its own keys; the old one, no longer confirmed, gets nothing.
// - A reminder whose due time had passed before the appointment was booked (or
//   confirmed) is skipped: booking at 14:30 for 15:00 does not trigger the 2-hour
//   reminder, the booking confirmation covers it.
// - When several offsets are due at once (the job was down, or a booking fell
//   between two offsets), only the one closest to the start is sent: one timely
//   reminder, not a burst of stale ones.
// - Opted-out customers get a `suppressed` row and no SMS (see SmsSender).

export interface ReminderRunResult {
  considered: number;
  sent: number;
  suppressed: number;
  /** Already sent by an earlier run (idempotency key hit). */
  duplicate: number;
}

export function reminderKey(appointmentId: string, offsetMinutes: number): string {
  return `reminder:${appointmentId}:${offsetMinutes}:sms`;
}

/** The offset due now, if any, per the rules above. */
export function dueOffset(a: { startsAt: Date; bookedAt: Date }, offsets: number[], now: Date): number | null {
  const due = offsets
    .filter((o) => o > 0)
    .filter((o) => {
      const at = a.startsAt.getTime() - o * 60_000;
      return at <= now.getTime() && at >= a.bookedAt.getTime();
    });
  if (!due.length || a.startsAt.getTime() <= now.getTime()) return null;
  return Math.min(...due);
}

export async function runDueReminders(ctx: AppContext, sender: SmsSender, now: Date = ctx.clock()): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { considered: 0, sent: 0, suppressed: 0, duplicate: 0 };
  const services = await ctx.db.service.findMany({ select: { reminderOffsetsMinutes: true } });
  const horizon = Math.max(0, ...services.flatMap((s) => s.reminderOffsetsMinutes));
  if (horizon === 0) return result;

  const candidates = await ctx.db.appointment.findMany({
    where: { status: 'confirmed', customerId: { not: null }, startsAt: { gt: now, lte: new Date(now.getTime() + horizon * 60_000) } },
    select: { id: true, startsAt: true, createdAt: true, confirmedAt: true, service: { select: { reminderOffsetsMinutes: true } } },
    orderBy: { startsAt: 'asc' },
  });

  for (const c of candidates) {
    const offset = dueOffset({ startsAt: c.startsAt, bookedAt: c.confirmedAt ?? c.createdAt }, c.service.reminderOffsetsMinutes, now);
    if (offset === null) continue;
    result.considered++;

    // Re-read at send time: the list above may be seconds old.
    const a = await ctx.db.appointment.findUnique({
      where: { id: c.id },
      select: {
        id: true,
        status: true,
        startsAt: true,
        service: { select: { name: true } },
        location: { select: { name: true, address: true, timeZone: true, phone: true, business: { select: { name: true, phone: true } } } },
        customer: { select: { phone: true } },
      },
    });
    if (!a || a.status !== 'confirmed' || a.startsAt.getTime() !== c.startsAt.getTime() || !a.customer) continue;

    const withZone = zoneMayDiffer(a.customer.phone, a.location.phone ?? a.location.business.phone);
    const when = formatWhenWithZone(a.startsAt, a.location.timeZone, withZone);
    const body = `${a.location.business.name}: reminder of your ${a.service.name} on ${when} at ${a.location.name}, ${a.location.address}. Reply R to reschedule or C to cancel.`;
    const { message, created } = await sender.send({
      to: a.customer.phone,
      body,
      kind: 'reminder',
      idempotencyKey: reminderKey(a.id, offset),
      appointmentId: a.id,
    });
    if (!created) result.duplicate++;
    else if (message.status === 'suppressed') result.suppressed++;
    else result.sent++;
  }
  if (result.sent || result.suppressed) ctx.log.info({ ...result }, 'reminders run');
  return result;
}

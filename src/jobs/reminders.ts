import type PgBoss from 'pg-boss';
import type { Notice, Notifiers } from '../contract/notifier.ts';
import type { ConversationChannel } from '../contract/conversation.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { readAppointmentFacts } from '../notices/appointment-facts.ts';
import { QUEUES } from './boss.ts';

// Appointment reminders, run every minute by pg-boss (and callable directly with
// any "now", which is how tests drive it). Each reminder is a Notice sent through
// the notifier of the customer's channel, which renders and delivers it.
//
// Rules:
// - Only confirmed appointments that have not started get reminders, at each of
//   the service's reminderOffsetsMinutes before the start.
// - Each reminder is keyed `reminder:<appointmentId>:<offset>:<channel>`, so however
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
// - Opted-out customers get nothing (the notifier answers `suppressed`).
// - Whoever booked in Slack (a linked colleague) is reminded there by DM.

export interface ReminderRunResult {
  considered: number;
  sent: number;
  suppressed: number;
  /** Already sent by an earlier run (idempotency key hit). */
  duplicate: number;
}

interface ReminderDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
}

/** Customers are known by their phone: they are reminded by text (a Slack booker by DM, see readAppointmentFacts). */
const CUSTOMER_CHANNEL: ConversationChannel = 'sms';

export function reminderKey(appointmentId: string, offsetMinutes: number, channel: ConversationChannel = CUSTOMER_CHANNEL): string {
  return `reminder:${appointmentId}:${offsetMinutes}:${channel}`;
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

export async function runDueReminders(deps: ReminderDeps, notifiers: Notifiers, now: Date = deps.clock()): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { considered: 0, sent: 0, suppressed: 0, duplicate: 0 };
  const services = await deps.db.service.findMany({ select: { reminderOffsetsMinutes: true } });
  const horizon = Math.max(0, ...services.flatMap((s) => s.reminderOffsetsMinutes));
  if (horizon === 0) return result;

  const candidates = await deps.db.appointment.findMany({
    where: { status: 'confirmed', OR: [{ customerId: { not: null } }, { requesterUserId: { not: null } }], startsAt: { gt: now, lte: new Date(now.getTime() + horizon * 60_000) } },
    select: { id: true, startsAt: true, createdAt: true, confirmedAt: true, service: { select: { reminderOffsetsMinutes: true } } },
    orderBy: { startsAt: 'asc' },
  });

  for (const c of candidates) {
    const offset = dueOffset({ startsAt: c.startsAt, bookedAt: c.confirmedAt ?? c.createdAt }, c.service.reminderOffsetsMinutes, now);
    if (offset === null) continue;
    result.considered++;

    // Re-read at send time: the list above may be seconds old.
    const committed = await readAppointmentFacts(deps.db, c.id);
    const to = committed?.recipient;
    const notifier = to ? notifiers.forChannel(to.channel) : undefined;
    if (!committed || !to || !notifier || committed.facts.status !== 'confirmed' || committed.facts.startsAt.getTime() !== c.startsAt.getTime()) continue;

    const notice: Notice = {
      kind: 'reminder',
      to,
      idempotencyKey: reminderKey(c.id, offset, to.channel),
      appointment: committed.facts,
    };
    const sent = await notifier.send(notice);
    if (sent.duplicate) result.duplicate++;
    else if (sent.status === 'suppressed') result.suppressed++;
    else result.sent++;
  }
  if (result.sent || result.suppressed) deps.log.info({ ...result }, 'reminders run');
  return result;
}

/** The reminder run, every minute. */
export async function startReminderJob(boss: PgBoss, deps: ReminderDeps, notifiers: Notifiers): Promise<void> {
  await boss.work(QUEUES.reminders, async () => {
    await runDueReminders(deps, notifiers, deps.clock());
  });
  await boss.schedule(QUEUES.reminders, '* * * * *');
}

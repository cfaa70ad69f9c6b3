import type { PrismaClient } from '../../db/client.ts';
import { reminderRecipient } from './recipient.ts';
import { dueReminders } from './schedule.ts';

// The planning half of reminders: one run (every minute, one worker at a time) finds
// the reminders that fell due and records each in reminder_delivery, pending (to be
// sent by whichever worker claims it, see ./deliver.ts) or skipped with its reason.
// The row's uniqueness (appointment, offset, channel) makes a repeated or concurrent
// run record nothing twice.

export interface PlanResult {
  /** Reminders recorded pending now: work for the senders. */
  pending: number;
  /** Reminders recorded skipped now (their reason is on the row). */
  skipped: number;
}

/** Moving a reminder before quiet hours brings it forward by under a day. */
const QUIET_SHIFT_MS = 24 * 60 * 60_000;
/** Appointments that started while the job was down still get their due reminders recorded (as skipped). */
const STARTED_LOOKBACK_MS = 6 * 60 * 60_000;

/** Appointments read per page: planning holds one page in memory, not every appointment in the horizon. */
const PAGE = 500;

export async function planDueReminders(db: PrismaClient, now: Date): Promise<PlanResult> {
  const services = await db.service.findMany({ select: { reminderOffsetsMinutes: true } });
  const horizon = Math.max(0, ...services.flatMap((s) => s.reminderOffsetsMinutes));
  const result: PlanResult = { pending: 0, skipped: 0 };
  if (horizon === 0) return result;
  const window = { gt: new Date(now.getTime() - STARTED_LOOKBACK_MS), lte: new Date(now.getTime() + horizon * 60_000 + QUIET_SHIFT_MS) };
  for (let after: string | undefined; ; ) {
    const page = await candidatePage(db, { window, after });
    if (!page.length) return result;
    after = page[page.length - 1]!.id;
    const rows = page.flatMap((a) => dueRows(a, now));
    // Another planner may have recorded some of these a moment ago: theirs stand.
    if (rows.length) {
      const inserted = await db.reminderDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { status: true } });
      for (const r of inserted) result[r.status === 'pending' ? 'pending' : 'skipped']++;
    }
    if (page.length < PAGE) return result;
  }
}

/** The next page of confirmed appointments starting in the window, in id order (keyset: `after` is the last id read). */
function candidatePage(db: PrismaClient, { window, after }: { window: { gt: Date; lte: Date }; after: string | undefined }) {
  return db.appointment.findMany({
    where: { status: 'confirmed', startsAt: window, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: 'asc' },
    take: PAGE,
    select: {
      id: true,
      startsAt: true,
      createdAt: true,
      confirmedAt: true,
      channel: true,
      service: { select: { reminderOffsetsMinutes: true } },
      location: { select: { timeZone: true, business: { select: { quietHoursStart: true, quietHoursEnd: true } } } },
      customer: { select: { phone: true, timeZone: true } },
      requester: { select: { slackUserId: true, teamsUserId: true } },
      reminderDeliveries: { select: { offsetMinutes: true, channel: true } },
    },
  });
}

type Candidate = Awaited<ReturnType<typeof candidatePage>>[number];

/** One appointment's reminders that fell due and are not recorded yet, as rows to insert. */
function dueRows(a: Candidate, now: Date) {
  const recipient = reminderRecipient({ channel: a.channel, timeZone: a.location.timeZone, customer: a.customer, requester: a.requester });
  const decided = new Set(a.reminderDeliveries.filter((d) => d.channel === recipient.channel).map((d) => d.offsetMinutes));
  const due = dueReminders(
    {
      startsAt: a.startsAt,
      bookedAt: a.confirmedAt ?? a.createdAt,
      offsets: a.service.reminderOffsetsMinutes,
      channel: recipient.channel,
      timeZone: recipient.timeZone,
      quiet: { start: a.location.business.quietHoursStart, end: a.location.business.quietHoursEnd },
    },
    now,
    decided,
  );
  return due.map((r) => {
    const unreachable = recipient.address === null && r.decision.status === 'pending';
    return {
      appointmentId: a.id,
      offsetMinutes: r.offsetMinutes,
      channel: recipient.channel,
      recipient: recipient.address,
      dueAt: r.dueAt,
      sendAt: r.sendAt,
      status: unreachable ? ('skipped' as const) : r.decision.status,
      reason: unreachable ? `nobody to remind on ${recipient.channel}` : r.decision.status === 'skipped' ? r.decision.reason : null,
      createdAt: now,
      updatedAt: now,
    };
  });
}

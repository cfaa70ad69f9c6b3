import { DateTime } from 'luxon';
import type { ConversationChannel } from '../../contract/conversation.ts';
import type { AppointmentFacts, Notice, Notifiers } from '../../contract/notifier.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import { readAppointmentFacts } from '../../notices/appointment-facts.ts';
import { claimDue, nextLeaseExpiry } from './plans.ts';
import { reminderRecipient } from './recipient.ts';

// The sending half of reminders: workers claim pending reminder_delivery rows (a
// lease, SKIP LOCKED, so two workers never hold the same row) and settle each as
// sent, skipped or suppressed. Everything is re-read at send time: an appointment
// canceled, moved or rescheduled since the reminder was planned is skipped with the
// reason. A worker that dies mid-batch leaves its rows claimed; once the lease runs
// out another worker takes them, and the notice's idempotency key (the outbox) makes
// the second attempt deliver what the first did not, never a second copy.

export interface DeliverDeps {
  db: PrismaClient;
  log: Logger;
  notifiers: Notifiers;
}

export interface DeliverResult {
  sent: number;
  suppressed: number;
  skipped: number;
  /** The notifier had this key already (an earlier attempt got as far as recording it). */
  duplicate: number;
}

export const emptyDeliverResult = (): DeliverResult => ({ sent: 0, suppressed: 0, skipped: 0, duplicate: 0 });

/** After this many claims a reminder that keeps failing is recorded as skipped with the error, not retried forever. */
const MAX_ATTEMPTS = 5;

export function reminderKey(appointmentId: string, offsetMinutes: number, channel: ConversationChannel = 'sms'): string {
  return `reminder:${appointmentId}:${offsetMinutes}:${channel}`;
}

interface ClaimedRow {
  id: string;
  appointmentId: string;
  offsetMinutes: number;
  channel: ConversationChannel;
  recipient: string | null;
  dueAtMs: number;
  attempts: number;
}

type Outcome = { status: 'sent' | 'suppressed' | 'skipped'; reason: string | null; noticeStatus?: string; messageId?: string; duplicate?: boolean };

/** The wording for channels that post text as written (Slack, Teams); SMS renders the facts itself. */
export function reminderText(f: AppointmentFacts): string {
  const when = DateTime.fromJSDate(f.startsAt, { zone: f.timeZone }).toFormat('ccc LLL d, h:mm a ZZZZ');
  const staff = f.staffName ? ` with ${f.staffName}` : '';
  return `Reminder: ${f.serviceName}${staff} on ${when} at ${f.locationName}, ${f.locationAddress}.`;
}

async function decide(deps: DeliverDeps, row: ClaimedRow, now: Date): Promise<Outcome> {
  const skip = (reason: string): Outcome => ({ status: 'skipped', reason });
  const subject = await readAppointmentFacts(deps.db, row.appointmentId);
  const a = await deps.db.appointment.findUnique({
    where: { id: row.appointmentId },
    select: { channel: true, location: { select: { timeZone: true } }, customer: { select: { phone: true, timeZone: true } }, requester: { select: { slackUserId: true, teamsUserId: true } }, rescheduledTo: { select: { id: true } } },
  });
  if (!subject || !a) return skip('the appointment no longer exists');
  const { facts } = subject;
  if (facts.status !== 'confirmed') return skip(a.rescheduledTo ? 'the appointment was rescheduled' : `the appointment is ${facts.status}`);
  if (facts.startsAt.getTime() !== row.dueAtMs + row.offsetMinutes * 60_000) return skip('the appointment time changed');
  if (facts.startsAt.getTime() <= now.getTime()) return skip('the appointment had started before the reminder could be sent');
  const recipient = reminderRecipient({ channel: a.channel, timeZone: a.location.timeZone, customer: a.customer, requester: a.requester });
  if (recipient.channel !== row.channel || !recipient.address) return skip(`nobody to remind on ${row.channel}`);
  const notifier = deps.notifiers.forChannel(row.channel);
  if (!notifier) return skip(`no ${row.channel} channel in this installation`);
  const notice: Notice = {
    kind: 'reminder',
    to: { channel: row.channel, address: recipient.address },
    idempotencyKey: reminderKey(row.appointmentId, row.offsetMinutes, row.channel),
    appointment: facts,
    ...(row.channel === 'sms' ? {} : { text: reminderText(facts) }),
  };
  const sent = await notifier.send(notice);
  if (sent.status === 'suppressed') return { status: 'suppressed', reason: 'the recipient opted out', noticeStatus: sent.status, messageId: sent.messageId, duplicate: sent.duplicate };
  return { status: 'sent', reason: null, noticeStatus: sent.status, messageId: sent.messageId, duplicate: sent.duplicate };
}

async function settle(deps: DeliverDeps, row: ClaimedRow, now: Date, result: DeliverResult): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = await decide(deps, row, now);
  } catch (err) {
    deps.log.warn({ err, reminderId: row.id, attempts: row.attempts }, 'reminder not sent; it is retried when its claim runs out');
    if (row.attempts < MAX_ATTEMPTS) return;
    outcome = { status: 'skipped', reason: `delivery failed ${row.attempts} times: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500) };
  }
  await deps.db.reminderDelivery.updateMany({
    where: { id: row.id, status: 'pending' },
    data: { status: outcome.status, reason: outcome.reason, noticeStatus: outcome.noticeStatus ?? null, messageId: outcome.messageId ?? null, claimedUntil: null, updatedAt: now },
  });
  if (outcome.duplicate) result.duplicate++;
  else result[outcome.status]++;
}

export async function claimReminders(db: PrismaClient, opts: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedRow[]> {
  return db.$queryRawUnsafe<ClaimedRow[]>(claimDue(), opts.now.getTime() + opts.leaseMs, opts.now.getTime(), opts.limit);
}

/** Claims and settles batches until none is left to claim; returns what it did. */
export async function deliverDueReminders(deps: DeliverDeps, opts: { clock: () => Date; leaseMs: number; batchSize?: number }): Promise<DeliverResult> {
  const result = emptyDeliverResult();
  for (;;) {
    const now = opts.clock();
    const rows = await claimReminders(deps.db, { now, leaseMs: opts.leaseMs, limit: opts.batchSize ?? 20 });
    if (!rows.length) return result;
    await Promise.all(rows.map((row) => settle(deps, row, now, result)));
  }
}

/** How long until a lease on a pending reminder runs out (a worker died holding it); null when none is held. */
export async function msUntilNextLeaseExpiry(db: PrismaClient, now: Date): Promise<number | null> {
  const [row] = await db.$queryRawUnsafe<Array<{ ms: number | null }>>(nextLeaseExpiry());
  return row?.ms == null ? null : Math.max(0, row.ms - now.getTime());
}

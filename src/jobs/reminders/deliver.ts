import { DateTime } from 'luxon';
import type { ConversationChannel } from '../../contract/conversation.ts';
import type { AppointmentFacts, Notice, NoticeOutcome, Notifier, Notifiers } from '../../contract/notifier.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import { claimDue, nextLeaseExpiry, settleBatch } from './plans.ts';
import { readSendFacts, type SendFacts } from './send-facts.ts';

// The sending half of reminders: workers claim pending reminder_delivery rows (a
// lease, SKIP LOCKED, so two workers never hold the same row) and settle each as
// sent, skipped or suppressed, a batch at a time: one query re-reads every claimed
// appointment at send time (an appointment canceled, moved or rescheduled since the
// reminder was planned is skipped with the reason) and one statement records every
// outcome. A worker that dies mid-batch leaves its rows claimed; once the lease runs
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
/** Reminders claimed at once: one re-check query and one outcome statement each. */
const BATCH_SIZE = 100;
/** Notices in flight at once within a batch, for a notifier that sends one at a time (Slack, Teams). */
const SEND_CONCURRENCY = 10;

export function reminderKey(appointmentId: string, offsetMinutes: number, channel: ConversationChannel = 'sms'): string {
  return `reminder:${appointmentId}:${offsetMinutes}:${channel}`;
}

export interface ClaimedRow {
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

/** What becomes of one claimed reminder: recorded now (skipped), or a notice to send first. */
export type Decision = { outcome: Outcome } | { notice: Notice; notifier: Notifier };

/** The send-time re-check of one claimed reminder against the appointment as it is now; pure. */
export function decide({ row, subject, now, notifiers }: { row: ClaimedRow; subject: SendFacts | undefined; now: Date; notifiers: Notifiers }): Decision {
  const skip = (reason: string): Decision => ({ outcome: { status: 'skipped', reason } });
  if (!subject) return skip('the appointment no longer exists');
  const { facts, recipient } = subject;
  if (facts.status !== 'confirmed') return skip(subject.rescheduled ? 'the appointment was rescheduled' : `the appointment is ${facts.status}`);
  if (facts.startsAt.getTime() !== row.dueAtMs + row.offsetMinutes * 60_000) return skip('the appointment time changed');
  if (facts.startsAt.getTime() <= now.getTime()) return skip('the appointment had started before the reminder could be sent');
  if (recipient.channel !== row.channel || !recipient.address) return skip(`nobody to remind on ${row.channel}`);
  const notifier = notifiers.forChannel(row.channel);
  if (!notifier) return skip(`no ${row.channel} channel in this installation`);
  const notice: Notice = {
    kind: 'reminder',
    to: { channel: row.channel, address: recipient.address },
    idempotencyKey: reminderKey(row.appointmentId, row.offsetMinutes, row.channel),
    appointment: facts,
    ...(row.channel === 'sms' ? {} : { text: reminderText(facts) }),
  };
  return { notice, notifier };
}

/** What a sent notice records; a failure is null (retried once its claim runs out) until its attempts are used up. */
function outcomeOf(deps: DeliverDeps, row: ClaimedRow, sent: NoticeOutcome): Outcome | null {
  if ('result' in sent) {
    const status = sent.result.status === 'suppressed' ? 'suppressed' : 'sent';
    const reason = status === 'suppressed' ? 'the recipient opted out' : null;
    return { status, reason, noticeStatus: sent.result.status, messageId: sent.result.messageId, duplicate: sent.result.duplicate };
  }
  const err = sent.error;
  deps.log.warn({ err, reminderId: row.id, attempts: row.attempts }, 'reminder not sent; it is retried when its claim runs out');
  if (row.attempts < MAX_ATTEMPTS) return null;
  return { status: 'skipped', reason: `delivery failed ${row.attempts} times: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500) };
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

type ToSend = { row: ClaimedRow; notice: Notice };

/**
 * One notifier's share of a batch: in one call when the channel batches its own
 * bookkeeping (SMS: the outbox rows recorded and settled together), else a few
 * notices at a time (each channel's sender has its own connections and rate limits).
 */
async function sendAll(notifier: Notifier, items: ToSend[]): Promise<NoticeOutcome[]> {
  const notices = items.map((i) => i.notice);
  if (notifier.sendMany) {
    // The whole call failing (the database unreachable) fails each notice in it: retried with the batch.
    return notifier.sendMany(notices).catch((error: unknown) => notices.map(() => ({ error })));
  }
  const outcomes: NoticeOutcome[] = [];
  await eachLimited([...notices.keys()], SEND_CONCURRENCY, async (k) => {
    outcomes[k] = await notifier.send(notices[k]!).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  });
  return outcomes;
}

/** Every decided notice sent, grouped by notifier; returns each row's outcome (null: retried later). */
async function sendDecided(deps: DeliverDeps, decided: Array<{ row: ClaimedRow; d: Decision }>): Promise<Array<{ row: ClaimedRow; outcome: Outcome | null }>> {
  const byNotifier = new Map<Notifier, ToSend[]>();
  const done: Array<{ row: ClaimedRow; outcome: Outcome | null }> = [];
  for (const { row, d } of decided) {
    if ('outcome' in d) done.push({ row, outcome: d.outcome });
    else byNotifier.set(d.notifier, [...(byNotifier.get(d.notifier) ?? []), { row, notice: d.notice }]);
  }
  for (const [notifier, items] of byNotifier) {
    const outcomes = await sendAll(notifier, items);
    items.forEach(({ row }, k) => done.push({ row, outcome: outcomeOf(deps, row, outcomes[k]!) }));
  }
  return done;
}

/**
 * One claimed batch: re-checked in one query, sent, then every outcome recorded in
 * one statement. A crash before that statement leaves the batch claimed; the next
 * claimer re-sends under the same idempotency keys, which deliver nothing twice.
 */
export async function deliverBatch(deps: DeliverDeps, rows: ClaimedRow[], now: Date): Promise<DeliverResult> {
  const facts = await readSendFacts(deps.db, rows.map((r) => r.appointmentId));
  const decided = rows.map((row) => ({ row, d: decide({ row, subject: facts.get(row.appointmentId), now, notifiers: deps.notifiers }) }));
  const settled = (await sendDecided(deps, decided)).flatMap(({ row, outcome }) => (outcome ? [{ row, outcome }] : []));
  const result = emptyDeliverResult();
  if (!settled.length) return result;
  const data = settled.map(({ row, outcome: o }) => ({ id: row.id, status: o.status, reason: o.reason, noticeStatus: o.noticeStatus ?? null, messageId: o.messageId ?? null }));
  await deps.db.$executeRawUnsafe(settleBatch(), JSON.stringify(data), now.getTime());
  for (const { outcome } of settled) {
    if (outcome.duplicate) result.duplicate++;
    else result[outcome.status]++;
  }
  return result;
}

export async function claimReminders(db: PrismaClient, opts: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedRow[]> {
  return db.$queryRawUnsafe<ClaimedRow[]>(claimDue(), opts.now.getTime() + opts.leaseMs, opts.now.getTime(), opts.limit);
}

/** Claims and settles batches until none is left to claim; returns what it did. */
export async function deliverDueReminders(deps: DeliverDeps, opts: { clock: () => Date; leaseMs: number; batchSize?: number }): Promise<DeliverResult> {
  const result = emptyDeliverResult();
  for (;;) {
    const now = opts.clock();
    const rows = await claimReminders(deps.db, { now, leaseMs: opts.leaseMs, limit: opts.batchSize ?? BATCH_SIZE });
    if (!rows.length) return result;
    const batch = await deliverBatch(deps, rows, now);
    for (const k of Object.keys(result) as Array<keyof DeliverResult>) result[k] += batch[k];
  }
}

/** How long until a lease on a pending reminder runs out (a worker died holding it); null when none is held. */
export async function msUntilNextLeaseExpiry(db: PrismaClient, now: Date): Promise<number | null> {
  const [row] = await db.$queryRawUnsafe<Array<{ ms: number | null }>>(nextLeaseExpiry());
  return row?.ms == null ? null : Math.max(0, row.ms - now.getTime());
}

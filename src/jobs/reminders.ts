import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { QUEUES } from './boss.ts';
import { deliverDueReminders, emptyDeliverResult, msUntilNextLeaseExpiry, type DeliverResult } from './reminders/deliver.ts';
import { planDueReminders } from './reminders/planner.ts';

// Appointment reminders on every channel, through the notifier port. Two halves:
// - planning (./reminders/planner.ts, every minute, one run at a time) records each
//   reminder that fell due in reminder_delivery: pending, or skipped with its reason;
// - sending (./reminders/deliver.ts) claims pending rows in batches, in as many
//   worker processes as run, re-checks each at send time and records it sent,
//   skipped or suppressed.
// So every due reminder ends as a row saying what became of it (GET
// /api/v1/appointments/:id shows them), and each is delivered at most once per key.
// The rules of when (offsets, quiet hours, late bookings) are in ./reminders/schedule.ts.

export { reminderKey } from './reminders/deliver.ts';

export interface ReminderDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
}

export interface ReminderRunResult extends DeliverResult {
  /** Reminders that fell due in this run (sent, suppressed or skipped now, or left to another worker). */
  considered: number;
}

/** A claim lasts this long unless configured: far longer than sending one batch takes. */
const DEFAULT_LEASE_MS = 60_000;

/**
 * One run at `now`: plans, then sends everything due in this process. Tests drive
 * reminders with it; the workers run the halves as separate jobs.
 */
export async function runDueReminders(deps: ReminderDeps, notifiers: Notifiers, now: Date = deps.clock()): Promise<ReminderRunResult> {
  const planned = await planDueReminders(deps.db, now);
  // One at a time: a test (or a crash test's child) sees the reminders go out in order.
  const sent = await deliverDueReminders({ ...deps, notifiers }, { clock: () => now, leaseMs: DEFAULT_LEASE_MS, batchSize: 1 });
  const result = { ...sent, skipped: sent.skipped + planned.skipped, considered: planned.pending + planned.skipped };
  if (result.considered) deps.log.info({ ...result }, 'reminders run');
  return result;
}

export interface ReminderJobOptions {
  /** How long a worker owns the reminders it claimed; a dead worker's are taken over after it. */
  leaseMs?: number;
  /** Send jobs queued per planning run that found work: how many workers may start on it at once. */
  senders?: number;
  /** True once this process is stopping: a send job stops waiting for other workers' claims. */
  stopping?: () => boolean;
}

export async function startReminderJobs(boss: PgBoss, deps: ReminderDeps, notifiers: Notifiers, opts: ReminderJobOptions = {}): Promise<void> {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  await boss.work(QUEUES.reminders, async () => {
    const planned = await planDueReminders(deps.db, deps.clock());
    if (planned.pending || planned.skipped) deps.log.info({ ...planned }, 'reminders due');
    // Also when nothing new is pending: a dead worker's claims may be waiting.
    const waiting = await deps.db.reminderDelivery.count({ where: { status: 'pending' } });
    if (!waiting) return;
    const jobs = Array.from({ length: Math.min(opts.senders ?? 4, Math.ceil(waiting / 20)) }, () => ({ name: QUEUES.reminderSend, data: {} }));
    await boss.insert(jobs);
  });
  await boss.work(QUEUES.reminderSend, async () => {
    const total = emptyDeliverResult();
    for (;;) {
      const r = await deliverDueReminders({ ...deps, notifiers }, { clock: deps.clock, leaseMs });
      for (const k of Object.keys(total) as Array<keyof DeliverResult>) total[k] += r[k];
      // Rows another worker holds: if it died mid-batch they are free when its lease runs out; stay until then.
      const wait = await msUntilNextLeaseExpiry(deps.db, deps.clock());
      if (wait === null || opts.stopping?.()) break;
      await sleep(Math.min(wait + 100, 2000));
    }
    if (total.sent || total.suppressed || total.skipped) deps.log.info({ ...total }, 'reminders sent');
  });
  await boss.schedule(QUEUES.reminders, '* * * * *');
  // At start too: a worker that joins (or restarts) picks up what is due now, not at the next minute.
  await boss.send(QUEUES.reminders, {});
}

import type PgBoss from 'pg-boss';
import type { MountedRouter } from '../api/app.ts';
import type { AppContext } from '../context.ts';
import type { Orchestrator } from '../conversation/contract.ts';
import type { InboundProcessor, SmsReplyJob } from '../channels/sms/inbound.ts';
import { createSmsSender, type SmsSender } from '../channels/sms/outbound.ts';
import { createSmsChannel } from '../channels/sms/router.ts';
import { QUEUES } from './boss.ts';
import { runDueReminders } from './reminders.ts';

// The SMS channel's jobs: the minute-by-minute reminder run, the REST reply for
// messages whose answer did not go back in the webhook's TwiML, and the outbox
// sweeper that sends what a crashed process left queued or mid-send.

export function enqueueSmsReply(boss: PgBoss): (job: SmsReplyJob) => Promise<void> {
  return async (job) => {
    const id = await boss.send(QUEUES.smsReply, job, { retryLimit: 3, retryDelay: 5, retryBackoff: true });
    if (!id) throw new Error(`could not enqueue the SMS reply job (queue ${QUEUES.smsReply} missing?)`);
  };
}

/**
 * Replies for one phone go out in the order the messages arrived: pg-boss picks
 * the oldest jobs but returns them in no particular order, so the batch is sorted
 * by creation time, grouped by sender, and each group runs one message at a time
 * (groups in parallel). The worker takes the next batch only when this one is done.
 */
export async function processReplyBatch(processor: InboundProcessor, jobs: Array<{ data: SmsReplyJob; createdOn?: Date }>): Promise<void> {
  const ordered = [...jobs].sort(
    (x, y) => (x.createdOn?.getTime() ?? 0) - (y.createdOn?.getTime() ?? 0) || x.data.inbound.receivedAt.localeCompare(y.data.inbound.receivedAt),
  );
  const groups = new Map<string, SmsReplyJob[]>();
  for (const j of ordered) {
    const list = groups.get(j.data.inbound.from) ?? [];
    list.push(j.data);
    groups.set(j.data.inbound.from, list);
  }
  const errors: unknown[] = [];
  await Promise.all(
    [...groups.values()].map(async (list) => {
      for (const job of list) {
        try {
          await processor.processReplyJob(job);
        } catch (err) {
          // Later messages of this sender wait for the retry, keeping the order.
          errors.push(err);
          return;
        }
      }
    }),
  );
  // A failure retries the whole batch; finished replies are skipped on retry.
  if (errors.length) throw errors[0];
}

export async function startSmsJobs(boss: PgBoss, ctx: AppContext, deps: { sender: SmsSender; processor: InboundProcessor }): Promise<void> {
  await boss.work<SmsReplyJob>(QUEUES.smsReply, { batchSize: 20, pollingIntervalSeconds: 0.5, includeMetadata: true }, (jobs) =>
    processReplyBatch(deps.processor, jobs),
  );
  await boss.work(QUEUES.reminders, async () => {
    await runDueReminders(ctx, deps.sender, ctx.clock());
  });
  await boss.schedule(QUEUES.reminders, '* * * * *');
  // Messages a stopped or crashed process left queued or mid-send: once at start, then every minute.
  await boss.work(QUEUES.outbox, async () => {
    const claimed = await deps.sender.deliverPending();
    if (claimed) ctx.log.info({ claimed }, 'outbox sweep delivered pending messages');
  });
  await boss.schedule(QUEUES.outbox, '* * * * *');
  await boss.send(QUEUES.outbox, {});
}

/**
 * Everything the SMS channel needs at start: the outbound sender, the webhook
 * router (mounted at /webhooks/twilio) and its jobs.
 */
export async function startSms(ctx: AppContext, boss: PgBoss, orchestrator: Orchestrator): Promise<MountedRouter> {
  const sender = createSmsSender(ctx);
  const channel = createSmsChannel(ctx, { orchestrator, sender, enqueueReply: enqueueSmsReply(boss) });
  await startSmsJobs(boss, ctx, { sender, processor: channel.processor });
  return { path: '/webhooks/twilio', router: channel.router };
}

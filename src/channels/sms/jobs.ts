import type { JobQueue, QueuedJob } from '../../contract/jobs.ts';
import type { Logger } from '../../log.ts';
import type { InboundProcessor, SmsReplyJob } from './inbound.ts';
import type { SmsSender } from './outbound.ts';

// The SMS channel's background work, on the job queue port: the REST reply for
// messages whose answer did not go back in the webhook's TwiML, and the outbox
// sweeper that sends what a crashed process left queued or mid-send.

/** Created at start by src/jobs/boss.ts, which names every queue the app uses. */
export const SMS_QUEUES = { reply: 'sms-reply', outbox: 'sms-outbox' } as const;

export function enqueueSmsReply(queue: JobQueue): (job: SmsReplyJob) => Promise<void> {
  return (job) => queue.send(SMS_QUEUES.reply, job, { retryLimit: 3, retryDelay: 5, retryBackoff: true });
}

/**
 * Replies for one phone go out in the order the messages arrived: the queue picks
 * the oldest jobs but returns them in no particular order, so the batch is sorted
 * by creation time, grouped by sender, and each group runs one message at a time
 * (groups in parallel). The worker takes the next batch only when this one is done.
 */
export async function processReplyBatch(processor: InboundProcessor, jobs: Array<QueuedJob<SmsReplyJob>>): Promise<void> {
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

export async function startSmsJobs(queue: JobQueue, deps: { log: Logger; sender: SmsSender; processor: InboundProcessor }): Promise<void> {
  await queue.work<SmsReplyJob>(SMS_QUEUES.reply, { batchSize: 20, pollingIntervalSeconds: 0.5 }, (jobs) => processReplyBatch(deps.processor, jobs));
  // Messages a stopped or crashed process left queued or mid-send: once at start, then every minute.
  await queue.work(SMS_QUEUES.outbox, {}, async () => {
    const claimed = await deps.sender.deliverPending();
    if (claimed) deps.log.info({ claimed }, 'outbox sweep delivered pending messages');
  });
  await queue.schedule(SMS_QUEUES.outbox, '* * * * *');
  await queue.send(SMS_QUEUES.outbox, {});
}

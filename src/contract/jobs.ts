// The job queue port: how a channel runs its background work (durable, retried,
// shared by every instance) without knowing the queue behind it. src/jobs/queue.ts
// implements it with pg-boss.

export interface QueuedJob<T> {
  data: T;
  /** When the job was queued, for handlers that keep an order. */
  createdOn?: Date;
}

export interface JobQueue {
  /** Handles batches of the queue's jobs (one at a time unless batchSize says more); a throw retries the batch. */
  work<T extends object>(queue: string, opts: { batchSize?: number; pollingIntervalSeconds?: number }, handler: (jobs: Array<QueuedJob<T>>) => Promise<void>): Promise<void>;
  /** Queues one job; fails when the queue does not exist. */
  send(queue: string, data: object, opts?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean }): Promise<void>;
  /** Also queues a job on this cron schedule ("* * * * *": every minute). */
  schedule(queue: string, cron: string): Promise<void>;
}

import type PgBoss from 'pg-boss';
import type { JobQueue } from '../contract/jobs.ts';

/** The job queue port (src/contract/jobs.ts) on pg-boss. */
export function bossQueue(boss: PgBoss): JobQueue {
  return {
    async work(queue, opts, handler) {
      await boss.work(queue, { ...opts, includeMetadata: true }, (jobs) => handler(jobs.map((j) => ({ data: j.data as never, createdOn: j.createdOn }))));
    },
    async send(queue, data, opts = {}) {
      const id = await boss.send(queue, data, opts);
      // No id also means a queue that keeps one job waiting (policy short or stately)
      // has one already: that job does the same work. Only a missing queue is an error.
      if (!id && !(await boss.getQueue(queue))) throw new Error(`could not queue a job (queue ${queue} missing)`);
    },
    async schedule(queue, cron) {
      await boss.schedule(queue, cron);
    },
  };
}

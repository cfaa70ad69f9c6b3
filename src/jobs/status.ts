import type { PrismaClient } from '../db/client.ts';

// What the job queues hold, for GET /api/v1/jobs: every queue with its jobs counted by
// state, the latest failures (which job, the error it ended with, when), and where the
// reminders stand. Read from pg-boss's own tables in the pgboss schema (v10 layout);
// before any process has started the queue the schema does not exist and all is empty.

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus {
  queues: Array<{ name: string; policy: string; counts: Record<JobState, number> }>;
  failures: Array<{ queue: string; jobId: string; error: string; failedAt: string; retries: number }>;
  reminders: Record<'pending' | 'sent' | 'skipped' | 'suppressed', number>;
}

// The statements, pg-boss style: named builders, parameters by position.
const plans = {
  schemaExists: () => `SELECT to_regclass('pgboss.job') IS NOT NULL AS "exists"`,
  queues: () => `SELECT name, policy FROM pgboss.queue ORDER BY name`,
  counts: () => `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state`,
  // A failed job's output is the error it threw ({ message, stack }) or pg-boss's reason (expired, shut down).
  failures: () => `
    SELECT name, id::text AS id, coalesce(output->>'message', output::text, 'failed') AS error,
      (extract(epoch FROM coalesce(completed_on, started_on, created_on)) * 1000)::float8 AS "atMs", retry_count AS retries
    FROM pgboss.job WHERE state = 'failed'
    ORDER BY coalesce(completed_on, started_on, created_on) DESC LIMIT $1::int`,
};

export async function readJobStatus(db: PrismaClient, opts: { failures: number }): Promise<JobStatus> {
  const reminders = { pending: 0, sent: 0, skipped: 0, suppressed: 0 };
  for (const g of await db.reminderDelivery.groupBy({ by: ['status'], _count: true })) reminders[g.status] = g._count;
  const [schema] = await db.$queryRawUnsafe<Array<{ exists: boolean }>>(plans.schemaExists());
  if (!schema?.exists) return { queues: [], failures: [], reminders };
  const queues = await db.$queryRawUnsafe<Array<{ name: string; policy: string | null }>>(plans.queues());
  const counts = await db.$queryRawUnsafe<Array<{ name: string; state: JobState; n: number }>>(plans.counts());
  const failures = await db.$queryRawUnsafe<Array<{ name: string; id: string; error: string; atMs: number; retries: number }>>(plans.failures(), opts.failures);
  const zero = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const byQueue = new Map(queues.map((q) => [q.name, { name: q.name, policy: q.policy ?? 'standard', counts: zero() }]));
  for (const c of counts) {
    const queue = byQueue.get(c.name);
    if (queue) queue.counts[c.state] = c.n;
  }
  return {
    queues: [...byQueue.values()],
    failures: failures.map((f) => ({ queue: f.name, jobId: f.id, error: f.error, failedAt: new Date(f.atMs).toISOString(), retries: f.retries })),
    reminders,
  };
}

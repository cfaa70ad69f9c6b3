import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { JOB_STATES, readJobStatus } from '../../jobs/status.ts';
import { parseQuery } from '../validate.ts';
import { route } from './support.ts';

// The background jobs at a glance (admins only): is any queue backing up, what failed
// last and why, and where the reminders stand. Workers may run in other processes
// (npm run worker); this reads the shared queue tables, so it sees all of them.

const tag = 'Jobs';

const JobsQuery = z.strictObject({
  failures: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'How many of the latest failures to list' }),
});

const count = z.int().min(0);
const JobsView = z.strictObject({
  queues: z.array(
    z.strictObject({
      name: z.string(),
      policy: z.string().meta({ description: 'pg-boss queue policy: standard | short | singleton | stately' }),
      counts: z.strictObject(Object.fromEntries(JOB_STATES.map((s) => [s, count])) as Record<(typeof JOB_STATES)[number], typeof count>).meta({
        description: 'Jobs by state: created (waiting), retry (waiting to retry), active (running), completed, cancelled, failed (retries exhausted)',
      }),
    }),
  ),
  failures: z.array(
    z.strictObject({
      queue: z.string(),
      jobId: z.string(),
      error: z.string().meta({ description: 'The error the job ended with' }),
      failedAt: z.iso.datetime(),
      retries: count,
    }),
  ),
  reminders: z.strictObject({ pending: count, sent: count, skipped: count, suppressed: count }).meta({ description: 'Reminders that fell due, by outcome' }),
});

export function jobsRouter(ctx: AppContext): Router {
  const router = Router();
  route(
    router,
    { operationId: 'getJobs', method: 'get', path: '/jobs', summary: 'Job queues: counts by state, the latest failures, reminder outcomes', tag, query: JobsQuery, response: JobsView },
    async (req) => {
      const q = parseQuery(JobsQuery, req);
      return readJobStatus(ctx.db, { failures: q.failures });
    },
  );
  return router;
}

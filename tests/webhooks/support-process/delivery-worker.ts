import { createPool, createPrisma } from '../../../src/db/client.ts';
import { createSchedulingStore } from '../../../src/db/scheduling/store.ts';
import { systemClock } from '../../../src/engine/clock.ts';
import { createScheduler } from '../../../src/engine/scheduler.ts';
import { startBoss } from '../../../src/jobs/boss.ts';
import { startWebhookJobs, WEBHOOK_QUEUES } from '../../../src/jobs/webhook-delivery.ts';
import { createLogger } from '../../../src/log.ts';
import type { DeliveryPolicy } from '../../../src/webhooks/policy.ts';

// The webhook delivery jobs in a process of their own (as `npm start` runs them), so a
// test can SIGKILL it mid-request. It runs until it is killed.

const url = process.env.DATABASE_URL!;
const policy = JSON.parse(process.env.WEBHOOK_POLICY!) as DeliveryPolicy;
const log = createLogger('silent');
const db = createPrisma(url);
const scheduler = createScheduler(createSchedulingStore(createPool(url)), systemClock, { holdMinutes: 10 });
const boss = await startBoss(url, log);
await startWebhookJobs(boss, { db, scheduler, clock: systemClock, log, policy });
await boss.send(WEBHOOK_QUEUES.dispatch, {});

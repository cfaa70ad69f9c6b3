import type { WebhookDeps } from './deps.ts';
import { deliverOne } from './deliver.ts';
import { dueDeliveries, execute, query, releaseExpiredLeases } from './plans.ts';
import { prepareEvents } from './prepare.ts';
import type { DeliveryOutcome } from './settle.ts';

// The dispatcher's run: fan out new events, take back attempts a dead process left in
// flight, and name the deliveries due now (the job layer queues one job per delivery).
// Idempotent: running it on several workers at once, or twice, sends nothing twice.

const MAX_BATCHES = 20;
const DUE_LIMIT = 500;

export interface DispatchRun {
  prepared: number;
  interrupted: number;
  due: string[];
}

export async function runWebhookDispatch(deps: WebhookDeps): Promise<DispatchRun> {
  let prepared = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const n = await prepareEvents(deps);
    prepared += n;
    if (n === 0) break;
  }
  const now = deps.clock();
  const interrupted = await execute(deps.db, releaseExpiredLeases({ now }));
  const due = (await query<{ id: string }>(deps.db, dueDeliveries({ now, limit: DUE_LIMIT }))).map((r) => r.id);
  return { prepared, interrupted, due };
}

/** One dispatcher run and every delivery it found due, one after another (tests and small installations). */
export async function deliverDue(deps: WebhookDeps): Promise<DeliveryOutcome[]> {
  const run = await runWebhookDispatch(deps);
  const outcomes: DeliveryOutcome[] = [];
  for (const id of run.due) outcomes.push(await deliverOne(deps, id));
  return outcomes;
}


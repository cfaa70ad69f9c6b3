import type { WebhookDeps } from './deps.ts';
import type { WebhookEventBody } from './events.ts';
import { execute, insertDeliveries, lockUnpreparedEvents, markPrepared, query, type UnpreparedEvent } from './plans.ts';
import { eventData } from './views.ts';

// Fan-out: each event the triggers wrote becomes one delivery per subscriber, and its
// body is fixed once, so every retry of it sends the same bytes under the same id.
// A batch is one transaction: a crash mid-batch leaves its events unprepared for the
// next run, and the unique (event, subscription) key makes a repeated fan-out harmless.

const BATCH = 100;

/** Prepares up to one batch of events; returns how many it took. */
export async function prepareEvents(deps: WebhookDeps): Promise<number> {
  return deps.db.$transaction(
    async (tx) => {
      const events = await query<UnpreparedEvent>(tx, lockUnpreparedEvents({ limit: BATCH }));
      const now = deps.clock();
      for (const event of events) {
        const body = await bodyOf(deps, event);
        if (body) await execute(tx, insertDeliveries({ eventId: event.id, type: event.type, occurredAt: event.occurredAt, now }));
        await execute(tx, markPrepared({ eventId: event.id, body, now }));
      }
      return events.length;
    },
    { timeout: 60_000 },
  );
}

/** The event's body with the record as it is now (usually seconds after the change); null when the record is gone. */
async function bodyOf(deps: WebhookDeps, event: UnpreparedEvent): Promise<string | null> {
  const data = await eventData(deps, event);
  if (!data) return null;
  const body: WebhookEventBody = { id: event.id, type: event.type, created_at: event.occurredAt.toISOString(), data };
  return JSON.stringify(body);
}

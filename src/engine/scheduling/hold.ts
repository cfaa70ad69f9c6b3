import type { HoldResult, Scheduler } from '../api.ts';
import { toSlot } from '../availability.ts';
import { MINUTE } from '../time.ts';
import { commitAt } from './commit.ts';
import type { SchedulerContext } from './context.ts';
import { planOf, reservationsFor, sizingOf } from './decision.ts';
import { holdSessionKey } from './records.ts';

export type HoldRequest = Parameters<Scheduler['hold']>[0];

/** Reserves a time for a while, under the same rules a booking checks. */
export async function hold(ctx: SchedulerContext, req: HoldRequest): Promise<HoldResult> {
  const now = ctx.clock();
  const start = req.start.getTime();
  const id = ctx.newId();
  const expiresAt = new Date(now.getTime() + (req.minutes ?? ctx.holdMinutes) * MINUTE);
  const res = await commitAt(ctx, {
    service: req.service,
    start,
    now,
    plan: planOf(req),
    sizing: sizingOf(req),
    customerId: req.customerId,
    write: async (tx, service, combo) => {
      const end = start + service.durationMinutes * MINUTE;
      await tx.insertHold(
        {
          id,
          serviceId: service.id,
          locationId: combo.locationId,
          customerId: req.customerId ?? null,
          conversationId: req.conversationId ?? null,
          start: new Date(start),
          end: new Date(end),
          expiresAt,
        },
        reservationsFor(service, combo, start, combo.sessionKey ?? holdSessionKey(id)),
      );
      return toSlot(start, end, combo);
    },
  });
  if (!res.ok) return res;
  return { ok: true, holdId: id, expiresAt, slot: res.value };
}

import type { Prisma } from '../db/client.ts';
import type { ResourceChange } from '../engine/impact.ts';
import { assessChange } from './assess.ts';
import { changeToJson } from './change-json.ts';

// Saving a change that makes booked appointments impossible starts a flow, in the
// same transaction as the change: either both are written or neither, so a crash
// between them cannot leave customers unaware. Each affected appointment gets a
// `pending` offer; the flow job (src/jobs/reschedule-flows.ts) messages it.

export interface StartedFlow {
  flowId: string;
  affected: number;
}

export async function startRescheduleFlow(
  tx: Prisma.TransactionClient,
  input: { resourceId: string; change: ResourceChange; now: Date; createdBy: string },
): Promise<StartedFlow | null> {
  const assessed = await assessChange(tx, input);
  if (!assessed?.length) return null;
  // An appointment already being offered new times (an earlier change) is not offered twice.
  const open = await tx.rescheduleOffer.findMany({
    where: { appointmentId: { in: assessed.map((a) => a.appointmentId) }, status: { in: ['pending', 'messaged'] } },
    select: { appointmentId: true },
  });
  const offered = new Set(open.map((o) => o.appointmentId));
  const affected = assessed.filter((a) => !offered.has(a.appointmentId));
  if (!affected.length) return null;
  const flow = await tx.rescheduleFlow.create({
    data: { resourceId: input.resourceId, change: changeToJson(input.change) as Prisma.InputJsonValue, createdBy: input.createdBy, createdAt: input.now },
    select: { id: true },
  });
  await tx.rescheduleOffer.createMany({
    data: affected.map((a) => ({ flowId: flow.id, appointmentId: a.appointmentId, reason: a.reason, createdAt: input.now })),
  });
  return { flowId: flow.id, affected: affected.length };
}

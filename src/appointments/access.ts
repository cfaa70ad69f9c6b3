import { permission } from '../access/matrix.ts';
import type { AppointmentFacts } from '../contract/notifier.ts';
import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Actor, AppointmentView } from '../engine/api.ts';
import { readAppointmentFacts } from '../notices/appointment-facts.ts';

// What every chat-button change to an appointment shares: who the engine sees acting,
// whether the matrix lets them, and the facts to show afterwards.

export const GONE = 'That appointment no longer exists.';

/** The engine's actor for a colleague acting from chat: the user, on the channel they pressed in. */
export const engineActor = (actor: OpsActor): Actor => ({ type: 'user', id: actor.userId ?? undefined, channel: actor.via === 'slack' || actor.via === 'teams' ? actor.via : undefined });

export async function factsOf(db: PrismaClient, id: string): Promise<AppointmentFacts> {
  const subject = await readAppointmentFacts(db, id);
  if (!subject) throw new Error(`appointment ${id} vanished after a change`);
  return subject.facts;
}

/** May this actor change this appointment: any (manager+), or own (they requested it, or it is on their staff resource)? */
export async function mayChange(db: PrismaClient, actor: OpsActor, a: AppointmentView, own: 'requested' | 'staffed'): Promise<boolean> {
  const scope = permission(actor.role, 'appointments.change');
  if (scope === 'any') return true;
  if (scope === 'none' || !actor.userId) return false;
  if (own === 'requested') return a.requesterUserId === actor.userId;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { resourceId: true } });
  return Boolean(user?.resourceId && a.resourceIds.includes(user.resourceId));
}

import type { OpsActor } from '../contract/ops.ts';
import type { Prisma } from '../db/client.ts';
import type { OpsDb } from './db.ts';

// The generic audit trail (table audit_event): who did what to which record, when.
// Exception steps are written here in the same transaction as the step itself, so
// a step without its audit row cannot exist.

/** Who the trail names for the bootstrap admin token, which belongs to no user (as the admin API does). */
export const BOOTSTRAP_ACTOR_ID = 'bootstrap-admin';

export interface AuditActor {
  type: 'customer' | 'user' | 'system' | 'model';
  /** A user id, bootstrap-admin, a customer id, or the system part that acted. */
  id: string | null;
}

export interface AuditEntry {
  entityType: 'exception';
  entityId: string;
  action: string;
  actor: AuditActor;
  details?: Record<string, unknown>;
  /** The app clock's now; the database's when omitted. */
  at?: Date;
}

export async function recordAudit(db: OpsDb, e: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      actorType: e.actor.type,
      actorId: e.actor.id,
      details: (e.details ?? {}) as Prisma.InputJsonValue,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/** An ops command's actor as the trail names it, with the surface and name kept as details. */
export const auditActorOf = (actor: OpsActor): AuditActor => ({ type: 'user', id: actor.userId ?? BOOTSTRAP_ACTOR_ID });

export const actorDetails = (actor: OpsActor) => ({ via: actor.via, role: actor.role, displayName: actor.displayName });

import type { PrismaClient } from '../db/client.ts';
import { auditTrail } from './plans.ts';

// Every change to every record, oldest first, in keyset pages: the appointment events
// and the generic audit events as one trail (plans.ts).

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  after?: { at: Date; id: string };
  limit: number;
}

export interface AuditEntry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorType: string;
  actorId: string | null;
  at: Date;
  details: unknown;
  /** The service's rule version the appointment was booked under; null for other records. */
  ruleVersion: number | null;
}

export async function auditEntries({ db, filter }: { db: PrismaClient; filter: AuditFilter }): Promise<AuditEntry[]> {
  const rows = await db.$queryRawUnsafe<
    Array<{ id: string; entity_type: string; entity_id: string; action: string; actor_type: string; actor_id: string | null; at: Date; details: unknown; rule_version: number | null }>
  >(
    auditTrail(),
    filter.entityType ?? null,
    filter.entityId ?? null,
    filter.actorId ?? null,
    filter.from ?? null,
    filter.to ?? null,
    filter.after?.at ?? null,
    filter.after?.id ?? null,
    filter.limit,
  );
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    actorType: r.actor_type,
    actorId: r.actor_id,
    at: r.at,
    details: r.details,
    ruleVersion: r.rule_version,
  }));
}

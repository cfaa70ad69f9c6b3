import type { ExceptionStatus, ExceptionType, OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Exception, Prisma } from '../generated/prisma/client.ts';
import { permission } from '../access/matrix.ts';
import { reachFilter, reachOf, type Reach } from './access.ts';
import type { OpsDb } from './db.ts';
import { OpsError } from './errors.ts';
import { OPEN_STATUSES } from './lifecycle.ts';

// Reading the inbox: a page of exceptions and one exception with what a person needs
// to act on it. Staff read only their own (the same reach as their commands).

export interface ExceptionQuery {
  status?: ExceptionStatus[];
  type?: ExceptionType[];
  assigneeUserId?: string;
  appointmentId?: string;
  /** About an appointment at this location (exceptions without an appointment have none). */
  locationId?: string;
  /** Raised at or after this instant. */
  since?: Date;
  /** Keyset cursor: the last row of the previous page. */
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** Oldest first, as an inbox is worked; returns up to limit + 1 rows so the caller knows whether there is more. */
export async function listExceptions(db: PrismaClient, actor: OpsActor, q: ExceptionQuery): Promise<Exception[]> {
  const reach = await reachOf(db, actor, 'exceptions.read');
  const where: Prisma.ExceptionWhereInput[] = [reachFilter(reach)];
  if (q.status) where.push({ status: { in: q.status } });
  if (q.type) where.push({ type: { in: q.type } });
  if (q.assigneeUserId) where.push({ assigneeUserId: q.assigneeUserId });
  if (q.appointmentId) where.push({ appointmentId: q.appointmentId });
  if (q.locationId) where.push({ appointment: { locationId: q.locationId } });
  if (q.since) where.push({ createdAt: { gte: q.since } });
  if (q.after) where.push({ OR: [{ createdAt: { gt: q.after.createdAt } }, { createdAt: q.after.createdAt, id: { gt: q.after.id } }] });
  return db.exception.findMany({ where: { AND: where }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: q.limit + 1 });
}

/** The exception if it exists and is within reach; otherwise not_found, as if it did not exist. */
export async function findWithin(db: OpsDb, id: string, reach: Reach): Promise<Exception> {
  const exception = await db.exception.findFirst({ where: { AND: [{ id }, reachFilter(reach)] } });
  if (!exception) throw new OpsError('not_found', `Exception ${id} was not found.`);
  return exception;
}

const LAST_MESSAGES = 20;

export async function exceptionDetail(db: PrismaClient, actor: OpsActor, id: string) {
  const exception = await findWithin(db, id, await reachOf(db, actor, 'exceptions.read'));
  const [customer, appointment, conversation, trail] = await Promise.all([
    exception.customerId ? db.customer.findUnique({ where: { id: exception.customerId }, select: { id: true, name: true, phone: true, language: true, optedOut: true } }) : null,
    exception.appointmentId
      ? db.appointment.findUnique({
          where: { id: exception.appointmentId },
          select: {
            id: true,
            status: true,
            startsAt: true,
            endsAt: true,
            service: { select: { name: true } },
            location: { select: { name: true, timeZone: true } },
            reservations: { select: { resourceId: true } },
          },
        })
      : null,
    exception.conversationId
      ? db.conversation.findUnique({
          where: { id: exception.conversationId },
          select: {
            id: true,
            channel: true,
            handedOff: true,
            messages: { where: { text: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LAST_MESSAGES, select: { id: true, direction: true, role: true, text: true, createdAt: true } },
          },
        })
      : null,
    db.auditEvent.findMany({ where: { entityType: 'exception', entityId: exception.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    exception,
    customer,
    appointment,
    conversation: conversation ? { ...conversation, messages: conversation.messages.reverse() } : null,
    trail,
  };
}

export type ExceptionDetail = Awaited<ReturnType<typeof exceptionDetail>>;

export interface OpenSummary {
  /** Open and assigned exceptions within the actor's reach, per type (types with none left out). */
  counts: Array<{ type: ExceptionType; count: number }>;
  /** The oldest few of them, to start with. */
  oldest: Array<Pick<Exception, 'id' | 'type' | 'summary' | 'status' | 'createdAt'>>;
}

const OLDEST_SHOWN = 5;

/** The queue at a glance for someone who works it (may take exceptions); null for anyone else. */
export async function openSummary(db: PrismaClient, actor: OpsActor): Promise<OpenSummary | null> {
  if (permission(actor.role, 'ops.take') === 'none') return null;
  const reach = await reachOf(db, actor, 'exceptions.read');
  const where: Prisma.ExceptionWhereInput = { AND: [reachFilter(reach), { status: { in: [...OPEN_STATUSES] } }] };
  const groups = await db.exception.groupBy({ by: ['type'], where, _count: { _all: true }, orderBy: { type: 'asc' } });
  const oldest = await db.exception.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: OLDEST_SHOWN,
    select: { id: true, type: true, summary: true, status: true, createdAt: true },
  });
  return { counts: groups.map((g) => ({ type: g.type, count: g._count._all })), oldest };
}

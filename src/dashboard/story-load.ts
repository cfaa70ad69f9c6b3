import { permission } from '../access/matrix.ts';
import { auditEntries, type AuditEntry } from '../audit/trail.ts';
import type { PrismaClient } from '../db/client.ts';
import type { SignedIn } from './session.ts';

// Everything that happened to one appointment, read in one place: the record, the
// conversation it came from (with the tool calls), its audit trail, the reminders
// that fell due (sent or why not), what was sent about it, the notices a short reply
// answers, and the exceptions about it. A staff member reads only appointments on
// their own schedule; anything else is "not found", as if it did not exist.

/** Messages shown per conversation (the newest), so a years-long thread stays one page. */
export const TRANSCRIPT_LIMIT = 100;
const TRAIL_LIMIT = 500;

const appointmentSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  channel: true,
  intake: true,
  notes: true,
  ruleVersion: true,
  idempotencyKey: true,
  rescheduledFromId: true,
  cancelReason: true,
  createdAt: true,
  customerId: true,
  service: { select: { name: true } },
  location: { select: { name: true, timeZone: true } },
  customer: { select: { name: true, phone: true, optedOut: true } },
  rescheduledTo: { select: { id: true } },
  reservations: { select: { resourceId: true, active: true, resource: { select: { name: true } } } },
} as const;

async function findVisible(db: PrismaClient, user: SignedIn, id: string) {
  const scope = permission(user.role, 'appointments.read');
  if (scope === 'none') return null;
  const own = scope === 'own' ? { reservations: { some: { resourceId: user.resourceId ?? '00000000-0000-0000-0000-000000000000' } } } : {};
  return db.appointment.findFirst({ where: { id, ...own }, select: appointmentSelect });
}

type Found = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

/**
 * The conversations this appointment lives in: the one that booked it (its idempotency
 * key names it), those of its exceptions and of messages sent about it; failing all
 * of those, the customer's own conversation on the channel it was booked on.
 */
async function conversationIds(db: PrismaClient, a: Found, exceptionConversations: Array<string | null>): Promise<string[]> {
  const booked = /^conversation:([0-9a-f-]{36}):/.exec(a.idempotencyKey ?? '')?.[1];
  const outbound = await db.outboundMessage.findMany({ where: { appointmentId: a.id, conversationId: { not: null } }, distinct: ['conversationId'], select: { conversationId: true } });
  const ids = new Set([booked, ...exceptionConversations, ...outbound.map((o) => o.conversationId)].filter((x): x is string => !!x));
  if (!ids.size && a.customerId) {
    const own = await db.conversation.findMany({ where: { customerId: a.customerId, channel: a.channel }, select: { id: true } });
    own.forEach((c) => ids.add(c.id));
  }
  return [...ids];
}

async function transcripts(db: PrismaClient, ids: string[]) {
  const conversations = await db.conversation.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: 'asc' }, select: { id: true, channel: true, handedOff: true } });
  return Promise.all(
    conversations.map(async (c) => {
      const [newest, total] = await Promise.all([
        db.message.findMany({
          where: { conversationId: c.id },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: TRANSCRIPT_LIMIT,
          select: { id: true, direction: true, role: true, text: true, toolCalls: true, toolResult: true, createdAt: true },
        }),
        db.message.count({ where: { conversationId: c.id } }),
      ]);
      return { ...c, messages: newest.reverse(), total };
    }),
  );
}

export async function loadStory(deps: { db: PrismaClient }, user: SignedIn, id: string) {
  const { db } = deps;
  const appointment = await findVisible(db, user, id);
  if (!appointment) return null;
  const [exceptions, trail, reminders, outbound, notices] = await Promise.all([
    db.exception.findMany({ where: { appointmentId: id }, orderBy: { createdAt: 'asc' }, select: { id: true, type: true, status: true, summary: true, createdAt: true, conversationId: true } }),
    auditEntries({ db, filter: { entityType: 'appointment', entityId: id, limit: TRAIL_LIMIT } }),
    db.reminderDelivery.findMany({ where: { appointmentId: id }, orderBy: [{ dueAt: 'asc' }, { channel: 'asc' }] }),
    db.outboundMessage.findMany({ where: { appointmentId: id }, orderBy: { createdAt: 'asc' }, select: { id: true, channel: true, kind: true, status: true, body: true, error: true, createdAt: true } }),
    db.customerNotice.findMany({ where: { appointmentId: id }, orderBy: { sentAt: 'asc' }, include: { replies: { orderBy: { createdAt: 'asc' } } } }),
  ]);
  const conversations = await transcripts(db, await conversationIds(db, appointment, exceptions.map((e) => e.conversationId)));
  const names = await actorNames(db, trail);
  return { appointment, exceptions, trail, names, reminders, outbound, notices, conversations };
}

/** The users named on the trail, by name. */
async function actorNames(db: PrismaClient, trail: AuditEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(trail.filter((t) => t.actorType === 'user' && t.actorId).map((t) => t.actorId!))].filter((x) => /^[0-9a-f-]{36}$/.test(x));
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export type Story = NonNullable<Awaited<ReturnType<typeof loadStory>>>;

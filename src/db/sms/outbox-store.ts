import type { OutboundRow, OutboxStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';
import { claimOldestExpired, claimOldestQueued, claimQueuedById, type Statement } from './statements.ts';

// The SMS outbox on the outbound_message table.

export const rowSelect = {
  id: true,
  to: true,
  body: true,
  kind: true,
  status: true,
  providerMessageId: true,
  segments: true,
  error: true,
  appointmentId: true,
  conversationId: true,
  attempts: true,
  createdAt: true,
} as const;

export function createOutboxStore(db: PrismaClient): OutboxStore {
  const claim = async (s: Statement) => (await db.$queryRawUnsafe<OutboundRow[]>(s.text, ...s.values))[0] ?? null;
  const sending = (row: Pick<OutboundRow, 'id' | 'attempts'>) => ({ id: row.id, status: 'sending' as const, attempts: row.attempts });

  return {
    async insert(row) {
      const [created] = await db.outboundMessage.createManyAndReturn({ data: [{ channel: 'sms', ...row }], skipDuplicates: true, select: rowSelect });
      return (created as OutboundRow | undefined) ?? null;
    },
    async byKey(idempotencyKey) {
      return (await db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey }, select: rowSelect })) as OutboundRow;
    },
    async byId(id) {
      return (await db.outboundMessage.findUniqueOrThrow({ where: { id }, select: rowSelect })) as OutboundRow;
    },
    async byProviderId(providerMessageId) {
      return (await db.outboundMessage.findUnique({ where: { providerMessageId }, select: rowSelect })) as OutboundRow | null;
    },
    claimQueued: (id, leaseMs) => claim(claimQueuedById(id, leaseMs)),
    claimNextQueued: (leaseMs) => claim(claimOldestQueued(leaseMs)),
    claimNextExpired: (leaseMs) => claim(claimOldestExpired(leaseMs)),
    async settle(row, outcome) {
      const { count } = await db.outboundMessage.updateMany({ where: sending(row), data: { claimedUntil: null, ...outcome } });
      return count === 1;
    },
    async noteAttemptError(row, error) {
      await db.outboundMessage.updateMany({ where: sending(row), data: { error } });
    },
    async advanceStatus(id, from, to, error) {
      const { count } = await db.outboundMessage.updateMany({ where: { id, status: from }, data: { status: to, ...(error ? { error } : {}) } });
      return count === 1;
    },
    async recordedSids(sids) {
      const rows = await db.outboundMessage.findMany({ where: { providerMessageId: { in: sids } }, select: { providerMessageId: true } });
      return new Set(rows.map((r) => r.providerMessageId!));
    },
  };
}

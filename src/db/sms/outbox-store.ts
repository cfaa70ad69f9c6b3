import type { OutboundRow, OutboxStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';
import { claimOldestExpired, claimOldestQueued, claimQueuedById, claimQueuedByIds, settleClaims, type Statement } from './statements.ts';

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
  const rows = (s: Statement) => db.$queryRawUnsafe<OutboundRow[]>(s.text, ...s.values);
  const claim = async (s: Statement) => (await rows(s))[0] ?? null;
  const byKeyed = async (where: { idempotencyKey: { in: string[] } } | { id: { in: string[] } }) =>
    db.outboundMessage.findMany({ where, select: { ...rowSelect, idempotencyKey: true } });
  const sending = (row: Pick<OutboundRow, 'id' | 'attempts'>) => ({ id: row.id, status: 'sending' as const, attempts: row.attempts });

  return {
    async insert(row) {
      const [created] = await db.outboundMessage.createManyAndReturn({ data: [{ channel: 'sms', ...row }], skipDuplicates: true, select: rowSelect });
      return (created as OutboundRow | undefined) ?? null;
    },
    async insertMany(batch) {
      if (!batch.length) return new Map();
      const created = await db.outboundMessage.createManyAndReturn({
        data: batch.map((row) => ({ channel: 'sms' as const, ...row })),
        skipDuplicates: true,
        select: { ...rowSelect, idempotencyKey: true },
      });
      return new Map(created.map(({ idempotencyKey, ...row }) => [idempotencyKey, row as OutboundRow]));
    },
    async byKeys(keys) {
      const found = keys.length ? await byKeyed({ idempotencyKey: { in: keys } }) : [];
      return new Map(found.map(({ idempotencyKey, ...row }) => [idempotencyKey, row as OutboundRow]));
    },
    async byIds(ids) {
      const found = ids.length ? await byKeyed({ id: { in: ids } }) : [];
      return new Map(found.map(({ idempotencyKey: _key, ...row }) => [row.id, row as OutboundRow]));
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
    claimQueuedMany: async (ids, leaseMs) => (ids.length ? rows(claimQueuedByIds(ids, leaseMs)) : []),
    claimNextQueued: (leaseMs) => claim(claimOldestQueued(leaseMs)),
    claimNextExpired: (leaseMs) => claim(claimOldestExpired(leaseMs)),
    async settle(row, outcome) {
      const { count } = await db.outboundMessage.updateMany({ where: sending(row), data: { claimedUntil: null, ...outcome } });
      return count === 1;
    },
    async settleMany(items) {
      if (!items.length) return new Map();
      const settled = await rows(settleClaims(items.map(({ row, status, error }) => ({ id: row.id, attempts: row.attempts, status, error }))));
      return new Map(settled.map((row) => [row.id, row]));
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

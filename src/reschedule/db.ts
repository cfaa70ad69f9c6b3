import type { Prisma, PrismaClient } from '../db/client.ts';

/** The client or an open transaction: a flow starts inside the transaction that saves its change. */
export type FlowDb = PrismaClient | Prisma.TransactionClient;

/** The states of one affected appointment in a flow (see schema.prisma RescheduleOffer). */
export type OfferStatus = 'pending' | 'messaged' | 'rebooked' | 'declined' | 'escalated' | 'unreachable';

/** One new time offered, numbered by its place in the list. */
export interface OfferOption {
  start: string;
  end: string;
  resourceIds: string[];
  locationId: string;
  staffName: string | null;
}

/** Moves an offer on only from the state it was read in, so two runs (or a run and an answer) cannot both move it. */
export async function settle(db: FlowDb, offerId: string, from: OfferStatus, data: Prisma.RescheduleOfferUpdateManyMutationInput): Promise<boolean> {
  const { count } = await db.rescheduleOffer.updateMany({ where: { id: offerId, status: from }, data });
  return count === 1;
}

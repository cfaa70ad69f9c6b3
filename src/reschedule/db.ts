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

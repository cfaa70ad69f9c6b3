import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { SQLSTATE, sqlState, type PrismaClient } from '../../db/client.ts';
import { uuid } from '../schemas/common.ts';
import { authorize } from '../auth.ts';
import { documentRoute, type RouteDoc } from '../openapi.ts';
import { badRequest, conflict, type HttpProblem, notFound } from '../../http/problem.ts';

// What the admin routers share: the path id, keyset pagination, and turning the
// database's refusals into problem documents instead of 500s.

/** The `:id` path parameter; anything that is not a UUID names nothing, so 404. */
export function pathId(req: Request, what: string, param = 'id'): string {
  const raw = req.params[param];
  if (!uuid.safeParse(raw).success) throw notFound(`${what} "${raw}"`);
  return raw as string;
}

// ---- Keyset pagination ---------------------------------------------------------
// The cursor is opaque to clients: base64url of [list, sort key, id] of the last item,
// so pages stay correct while rows are added or deleted between requests. The list
// name makes a cursor from another list a 400 rather than a page of something else,
// and the key is checked like any other input before it reaches SQL.

type Key = Date | string;

export interface Cursor<K extends Key> {
  key: K;
  id: string;
}

export interface ListCursor<K extends Key> {
  decode(after: string | undefined): Cursor<K> | undefined;
  encode(key: K, id: string): string;
  /** Rows were fetched with take: limit + 1; the extra row only says there is a next page. */
  page<T extends { id: string }, V>(rows: T[], limit: number, keyOf: (row: T) => K, view: (row: T) => V): { items: V[]; nextCursor: string | null };
}

const notACursor = () => badRequest('The query string is not valid.', [{ field: 'after', message: 'is not a cursor returned by this list' }]);

function parseCursorJson(after: string): unknown {
  try {
    return JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw notACursor();
  }
}

/** The cursor of one list, whose sort key `key` parses from its text form (an instant, a date, an id). */
export function listCursor<K extends Key>(list: string, key: z.ZodType<K, string>): ListCursor<K> {
  const cursor: ListCursor<K> = {
    decode(after) {
      if (after === undefined) return undefined;
      const decoded = parseCursorJson(after);
      if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== list) throw notACursor();
      const parsedKey = key.safeParse(decoded[1]);
      if (!parsedKey.success || !uuid.safeParse(decoded[2]).success) throw notACursor();
      return { key: parsedKey.data, id: decoded[2] as string };
    },
    encode: (k, id) => Buffer.from(JSON.stringify([list, k instanceof Date ? k.toISOString() : k, id])).toString('base64url'),
    page(rows, limit, keyOf, view) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items: items.map(view), nextCursor: rows.length > limit && last ? cursor.encode(keyOf(last), last.id) : null };
    },
  };
  return cursor;
}

/** Prisma where/orderBy for "after this cursor, ordered by (field, id)". */
export function keyset<F extends string, K extends Key>(field: F, cursor: Cursor<K> | undefined) {
  return {
    where: cursor ? { OR: [{ [field]: { gt: cursor.key } }, { [field]: cursor.key, id: { gt: cursor.id } }] } : {},
    orderBy: [{ [field]: 'asc' as const }, { id: 'asc' as const }],
  };
}

// ---- Database refusals ---------------------------------------------------------

/**
 * Rethrows a database error as the problem it means for the client: a unique or
 * foreign-key violation names its constraint, and `byConstraint` says what to tell.
 */
export function translateDbError(err: unknown, byConstraint: Record<string, HttpProblem> = {}): never {
  const state = sqlState(err);
  const constraint = (err as { meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string } } } } }).meta?.driverAdapterError?.cause
    ?.constraint?.index;
  if (constraint && byConstraint[constraint]) throw byConstraint[constraint];
  if (state === SQLSTATE.uniqueViolation) throw conflict('A record with the same unique value already exists.');
  if (state === '23503') throw conflict('The record is still referenced by other records.');
  if (state === 'P2025') throw notFound('The record');
  throw err;
}

/** The installation's business; locations and services cannot exist before it. */
export async function currentBusinessId(db: PrismaClient): Promise<string> {
  const business = await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (!business) throw conflict('There is no business yet: create it first with PUT /api/v1/business.');
  return business.id;
}

// ---- Route declaration ---------------------------------------------------------

/**
 * Declares one admin route: documents it in the OpenAPI description and mounts the
 * handler, whose return value is the response body (sent with `doc.status`, 200 by default).
 * The handler runs only when the caller's role may perform the route's action.
 */
export function route(router: Router, doc: RouteDoc, handler: (req: Request) => Promise<unknown>): void {
  documentRoute(doc);
  router[doc.method](doc.path, async (req: Request, res: Response) => {
    authorize(req, doc.method, doc.path);
    const body = await handler(req);
    const status = doc.status ?? 200;
    if (status === 204) res.status(204).end();
    else res.status(status).json(body);
  });
}

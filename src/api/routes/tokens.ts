import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { roleRank } from '../../access/matrix.ts';
import type { ApiToken } from '../../generated/prisma/client.ts';
import { newToken } from '../auth.ts';
import { conflict, notFound, unprocessable } from '../../http/problem.ts';
import { instant, page } from '../schemas/common.ts';
import { IssuedToken, TokenCreate, TokenListQuery, TokenRotate, TokenView } from '../schemas/user.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { keyset, listCursor, pathId, route } from './support.ts';

const tokensCursor = listCursor('tokens', instant);

// API tokens. A token is shown once, when it is created or rotated; only its hash is
// kept. Revoking keeps the row, so the list still shows who held what and until when.

const tag = 'Tokens';
const DEFAULT_LIFETIME_DAYS = 90;

export const toTokenView = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  userId: t.userId,
  role: t.role,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** The expiry asked for, or the default lifetime; a moment already past issues nothing. */
function expiry(now: Date, asked: Date | undefined): Date {
  if (!asked) return new Date(now.getTime() + DEFAULT_LIFETIME_DAYS * 86_400_000);
  if (asked <= now) throw unprocessable('expiresAt must be in the future.', { field: 'expiresAt' });
  return asked;
}

export function tokensRouter({ db, clock }: AppContext): Router {
  const router = Router();
  const find = async (id: string) => (await db.apiToken.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Token ${id}`));

  route(router, { operationId: 'listTokens', method: 'get', path: '/tokens', summary: 'List API tokens (never the tokens themselves)', tag, query: TokenListQuery, response: page(TokenView) }, async (req) => {
    const q = parseQuery(TokenListQuery, req);
    const k = keyset('createdAt', tokensCursor.decode(q.after));
    const rows = await db.apiToken.findMany({ where: { AND: [k.where, q.userId ? { userId: q.userId } : {}] }, orderBy: k.orderBy, take: q.limit + 1 });
    return tokensCursor.page(rows, q.limit, (t) => t.createdAt, toTokenView);
  });

  route(
    router,
    { operationId: 'issueToken', method: 'post', path: '/tokens', summary: "Issue a token for a user, acting as at most the user's role (shown once)", tag, body: TokenCreate, response: IssuedToken, status: 201, problems: [422] },
    async (req) => {
      const input = parseBody(TokenCreate, req);
      const user = await db.user.findUnique({ where: { id: input.userId } });
      if (!user) throw unprocessable(`User ${input.userId} does not exist.`, { field: 'userId' });
      const role = input.role ?? user.role;
      if (roleRank(role) > roleRank(user.role)) throw unprocessable(`A token cannot act as ${role}: the user is ${user.role}.`, { field: 'role' });
      const { token, tokenHash } = newToken();
      const now = clock();
      const row = await db.apiToken.create({ data: { name: input.name, userId: user.id, role, tokenHash, createdAt: now, expiresAt: expiry(now, input.expiresAt) } });
      return { ...toTokenView(row), token };
    },
  );

  route(router, { operationId: 'getToken', method: 'get', path: '/tokens/:id', summary: 'Get an API token (never the token itself)', tag, response: TokenView }, async (req) =>
    toTokenView(await find(pathId(req, 'Token'))),
  );

  route(
    router,
    { operationId: 'rotateToken', method: 'post', path: '/tokens/:id/rotate', summary: 'Replace a token: the old one stops working, the new one is shown once', tag, body: TokenRotate, response: IssuedToken, problems: [409, 422] },
    async (req) => {
      const id = pathId(req, 'Token');
      const input = parseBody(TokenRotate, req);
      const old = await find(id);
      const now = clock();
      // The bootstrap admin token keeps never expiring; a user's token gets a fresh lifetime.
      const expiresAt = old.userId === null && !input.expiresAt ? null : expiry(now, input.expiresAt);
      const { token, tokenHash } = newToken();
      const row = await db.$transaction(async (tx) => {
        const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
        if (revoked.count === 0) throw conflict('The token is revoked; issue a new one instead.');
        return tx.apiToken.create({ data: { name: old.name, userId: old.userId, role: old.role, tokenHash, createdAt: now, expiresAt } });
      });
      return { ...toTokenView(row), token };
    },
  );

  route(router, { operationId: 'revokeToken', method: 'delete', path: '/tokens/:id', summary: 'Revoke a token (it answers 401 from now on)', tag, status: 204 }, async (req) => {
    const id = pathId(req, 'Token');
    await find(id);
    await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: clock() } });
  });

  return router;
}

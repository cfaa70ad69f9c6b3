import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { effectiveRole, permission, type Role, type Scope } from '../access/matrix.ts';
import { routeAction } from '../access/routes.ts';
import type { AppContext } from '../context.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Actor } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import { forbidden, unauthorized } from '../http/problem.ts';

// Admin API authentication and authorization: `Authorization: Bearer <token>`.
// A token is FRONTDESK_ADMIN_TOKEN, the bootstrap token generated on first start
// (both act as an admin), or a user's token. Only sha256 hashes are stored.

const GENERATED_TOKEN_NAME = 'generated-admin';

/** Who the audit trail names for the bootstrap admin token, which belongs to no user. */
export const BOOTSTRAP_ACTOR_ID = 'bootstrap-admin';

/** The authenticated caller of one request. */
export interface Principal {
  /** The user's id, or BOOTSTRAP_ACTOR_ID. */
  actorId: string;
  userId: string | null;
  role: Role;
  /** The staff resource whose schedule is the user's own. */
  resourceId: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** How far the caller may perform this route's action (set by authorize). */
    scope?: Exclude<Scope, 'none'>;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new random token and its hash; the token is shown once, the hash is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = `fd_${randomBytes(24).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

export type AdminTokenSource = 'environment' | 'generated' | 'stored';

/**
 * Makes sure an admin token exists. With FRONTDESK_ADMIN_TOKEN set, a previously
 * generated token is revoked: the operator chose the configured one. Otherwise returns
 * the token when it was just generated (so the caller prints it once).
 */
export async function ensureAdminToken(
  db: PrismaClient,
  configured: string | undefined,
  clock: Clock = () => new Date(),
): Promise<{ source: AdminTokenSource; newToken?: string }> {
  const generated = { userId: null, name: GENERATED_TOKEN_NAME, revokedAt: null };
  if (configured) {
    await db.apiToken.updateMany({ where: generated, data: { revokedAt: clock() } });
    return { source: 'environment' };
  }
  if (await db.apiToken.findFirst({ where: generated })) return { source: 'stored' };
  const { token, tokenHash } = newToken();
  await db.apiToken.create({ data: { name: GENERATED_TOKEN_NAME, tokenHash, role: 'admin' } });
  return { source: 'generated', newToken: token };
}

const bootstrap = (): Principal => ({ actorId: BOOTSTRAP_ACTOR_ID, userId: null, role: 'admin', resourceId: null });

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export const bearerToken = (req: Request): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];

/** Resolves the bearer token to a principal on `req.principal`, or answers 401. */
export function authenticate({ db, clock, config }: Pick<AppContext, 'db' | 'clock' | 'config'>): RequestHandler {
  const configured = config.FRONTDESK_ADMIN_TOKEN;
  const configuredHash = configured ? Buffer.from(hashToken(configured), 'hex') : undefined;
  return async (req, _res, next) => {
    const token = bearerToken(req);
    if (!token) return next(unauthorized());
    const presented = hashToken(token);
    if (configuredHash && timingSafeEqual(configuredHash, Buffer.from(presented, 'hex'))) {
      req.principal = bootstrap();
      return next();
    }
    const stored = await db.apiToken.findUnique({ where: { tokenHash: presented }, include: { user: true } });
    const now = clock();
    const invalid =
      !stored ||
      stored.revokedAt !== null ||
      (stored.expiresAt !== null && stored.expiresAt <= now) ||
      // A configured admin token replaces the generated one, even before a restart revokes it.
      (stored.userId === null && configuredHash !== undefined);
    if (invalid) return next(unauthorized('The bearer token is not valid (unknown, revoked or expired).'));
    // updateMany: a token deleted with its user a moment ago is not an error here.
    await db.apiToken.updateMany({ where: { id: stored.id }, data: { lastUsedAt: now } });
    req.principal = stored.user
      ? { actorId: stored.user.id, userId: stored.user.id, role: effectiveRole(stored.role, stored.user.role), resourceId: stored.user.resourceId }
      : { ...bootstrap(), role: stored.role };
    next();
  };
}

/**
 * The one authorization check of the admin API: the route's declared action against
 * the caller's role. A route without a declared action is refused for everyone, and
 * so is an `own` permission for a user who has no schedule of their own.
 */
export function authorize(req: Request, method: string, path: string): void {
  const action = routeAction(method, path);
  if (!action) throw forbidden('This route declares no action, so no one may use it.');
  const principal = req.principal;
  if (!principal) throw unauthorized();
  const scope = permission(principal.role, action);
  if (scope === 'none') throw forbidden(`The ${principal.role} role may not ${action}.`);
  if (scope === 'own' && !principal.resourceId) throw forbidden(`The ${principal.role} role may ${action} only on its own schedule, and this user has no linked staff resource.`);
  req.scope = scope;
}

/** The resource a request is confined to: the caller's own when their scope is `own`. */
export const ownResourceId = (req: Request): string | undefined => (req.scope === 'own' ? (req.principal?.resourceId ?? undefined) : undefined);

/** The caller as the audit trail records them. */
export function actorOf(req: Request): Actor {
  return { type: 'user', id: req.principal?.actorId, channel: 'api' };
}

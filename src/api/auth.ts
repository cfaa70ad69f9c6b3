import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { PrismaClient } from '../db/client.ts';
import { unauthorized } from './problem.ts';

// Admin API authentication: `Authorization: Bearer <token>`. The token is either
// FRONTDESK_ADMIN_TOKEN or one generated on first start; only its sha256 is stored.

const GENERATED_TOKEN_NAME = 'generated-admin';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type AdminTokenSource = 'environment' | 'generated' | 'stored';

/**
 * Makes sure an admin token exists. Returns the token when it was just generated
 * (so the caller prints it once), and where the active token comes from.
 */
export async function ensureAdminToken(
  db: PrismaClient,
  configured: string | undefined,
): Promise<{ source: AdminTokenSource; newToken?: string }> {
  if (configured) return { source: 'environment' };
  const existing = await db.apiToken.findFirst({ where: { name: GENERATED_TOKEN_NAME, revokedAt: null } });
  if (existing) return { source: 'stored' };
  const token = `fd_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({ data: { name: GENERATED_TOKEN_NAME, tokenHash: hashToken(token), role: 'admin' } });
  return { source: 'generated', newToken: token };
}

export function requireAdmin(db: PrismaClient, configured: string | undefined): RequestHandler {
  const configuredHash = configured ? Buffer.from(hashToken(configured), 'hex') : undefined;
  return async (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) return next(unauthorized());
    const presented = hashToken(match[1]);
    if (configuredHash && timingSafeEqual(configuredHash, Buffer.from(presented, 'hex'))) return next();
    const stored = await db.apiToken.findUnique({ where: { tokenHash: presented } });
    if (!stored || stored.revokedAt || stored.role !== 'admin') return next(unauthorized('The bearer token is not valid.'));
    next();
  };
}

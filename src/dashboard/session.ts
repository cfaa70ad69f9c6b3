import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../db/client.ts';
import type { Role } from '../access/matrix.ts';
import type { Clock } from '../engine/clock.ts';
import { verifyPassword } from './password.ts';

// Server-side dashboard sessions. The browser holds a random token in an
// HttpOnly cookie; the database holds only its sha256, so a leaked table signs no
// one in. Each session has its own CSRF token (synchronizer pattern): every form
// carries it and every POST must send it back.

export const SESSION_HOURS = 12;

export interface SignedIn {
  sessionId: string;
  userId: string;
  name: string;
  role: Role;
  /** The staff resource whose schedule is the user's own, if any. */
  resourceId: string | null;
  csrfToken: string;
}

export interface SessionDeps {
  db: PrismaClient;
  clock: Clock;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Checks email and password; a new session and its cookie token when they match. */
export async function signIn(deps: SessionDeps, input: { email: string; password: string }): Promise<{ token: string } | undefined> {
  // Emails are stored as the admin typed them; people sign in in any case.
  const user = await deps.db.user.findFirst({ where: { email: { equals: input.email.trim(), mode: 'insensitive' } } });
  const stored = user ? await deps.db.userPassword.findUnique({ where: { userId: user.id } }) : null;
  if (!user || !stored || !(await verifyPassword(input.password, stored.hash))) return undefined;
  const token = newToken();
  const expiresAt = new Date(deps.clock().getTime() + SESSION_HOURS * 3_600_000);
  await deps.db.opsSession.create({ data: { tokenHash: sha256(token), userId: user.id, csrfToken: newToken(), expiresAt } });
  return { token };
}

/** The signed-in user behind a cookie token, with their role as it is now. */
export async function findSession(deps: SessionDeps, token: string | undefined): Promise<SignedIn | undefined> {
  if (!token) return undefined;
  const session = await deps.db.opsSession.findUnique({ where: { tokenHash: sha256(token) } });
  if (!session || session.revokedAt || session.expiresAt <= deps.clock()) return undefined;
  const user = await deps.db.user.findUnique({ where: { id: session.userId } });
  if (!user) return undefined;
  return { sessionId: session.id, userId: user.id, name: user.name, role: user.role, resourceId: user.resourceId, csrfToken: session.csrfToken };
}

export async function revokeSession(deps: SessionDeps, sessionId: string): Promise<void> {
  await deps.db.opsSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: deps.clock() } });
}

/** Signs a user out everywhere, e.g. when their password changes. */
export async function revokeUserSessions(deps: SessionDeps, userId: string): Promise<number> {
  const { count } = await deps.db.opsSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: deps.clock() } });
  return count;
}

/** Constant-time comparison of a form's CSRF token with the session's. */
export function csrfMatches(session: SignedIn, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

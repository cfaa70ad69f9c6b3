import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/dashboard/password.ts';
import { csrfMatches, findSession, revokeSession, revokeUserSessions, SESSION_HOURS, signIn } from '../../src/dashboard/session.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Dashboard sign-in without HTTP: scrypt passwords, server-side sessions that
// expire on the injected clock and can be revoked, the role read as it is now,
// and the per-session CSRF token.

let t: TestDatabase;
let now = new Date('2026-12-02T08:00:00Z');
const clock = () => new Date(now);
let userId: string;
const deps = () => ({ db: t.db, clock });
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await createTestDatabase();
  userId = (await t.db.user.create({ data: { name: 'Mia', email: 'Mia@Example.com', role: 'manager' } })).id;
  await t.db.userPassword.create({ data: { userId, hash: await hashPassword(PASSWORD) } });
});
afterAll(async () => t?.drop());

describe('passwords', () => {
  it('verify only the password that was hashed, with a fresh salt each time', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword('correct horse battery!', a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'not-a-hash')).toBe(false);
  });

  it('refuses short passwords with a reason', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem(PASSWORD)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('signs in with the right email (any case) and password, and stores only a hash of the token', async () => {
    expect(await signIn(deps(), { email: 'mia@example.com', password: 'wrong password!' })).toBeUndefined();
    expect(await signIn(deps(), { email: 'nobody@example.com', password: PASSWORD })).toBeUndefined();
    const got = await signIn(deps(), { email: ' MIA@example.com ', password: PASSWORD });
    expect(got?.token).toBeTruthy();
    const rows = await t.db.opsSession.findMany({ where: { userId } });
    expect(rows.map((r) => r.tokenHash)).not.toContain(got?.token);
    const session = await findSession(deps(), got?.token);
    expect(session).toMatchObject({ userId, name: 'Mia', role: 'manager' });
  });

  it('reads the role as it is now, so a demotion takes effect at once', async () => {
    const got = await signIn(deps(), { email: 'mia@example.com', password: PASSWORD });
    await t.db.user.update({ where: { id: userId }, data: { role: 'viewer' } });
    expect((await findSession(deps(), got?.token))?.role).toBe('viewer');
    await t.db.user.update({ where: { id: userId }, data: { role: 'manager' } });
  });

  it('expires after SESSION_HOURS on the injected clock', async () => {
    const got = await signIn(deps(), { email: 'mia@example.com', password: PASSWORD });
    const started = now;
    now = new Date(started.getTime() + SESSION_HOURS * 3_600_000 - 1000);
    expect(await findSession(deps(), got?.token)).toBeDefined();
    now = new Date(started.getTime() + SESSION_HOURS * 3_600_000);
    expect(await findSession(deps(), got?.token)).toBeUndefined();
    now = started;
  });

  it('is revocable one by one (sign out) and all at once for a user', async () => {
    const one = await signIn(deps(), { email: 'mia@example.com', password: PASSWORD });
    const two = await signIn(deps(), { email: 'mia@example.com', password: PASSWORD });
    const first = await findSession(deps(), one?.token);
    await revokeSession(deps(), first!.sessionId);
    expect(await findSession(deps(), one?.token)).toBeUndefined();
    expect(await findSession(deps(), two?.token)).toBeDefined();
    expect(await revokeUserSessions(deps(), userId)).toBeGreaterThanOrEqual(1);
    expect(await findSession(deps(), two?.token)).toBeUndefined();
  });

  it('a session that names a removed user finds no one', async () => {
    const gone = await t.db.user.create({ data: { name: 'Gus', email: 'gus@example.com', role: 'admin' } });
    await t.db.userPassword.create({ data: { userId: gone.id, hash: await hashPassword(PASSWORD) } });
    const got = await signIn(deps(), { email: 'gus@example.com', password: PASSWORD });
    await t.db.user.delete({ where: { id: gone.id } });
    expect(await findSession(deps(), got?.token)).toBeUndefined();
  });

  it('has its own CSRF token, matched only exactly', async () => {
    const a = await findSession(deps(), (await signIn(deps(), { email: 'mia@example.com', password: PASSWORD }))?.token);
    const b = await findSession(deps(), (await signIn(deps(), { email: 'mia@example.com', password: PASSWORD }))?.token);
    expect(a!.csrfToken).not.toBe(b!.csrfToken);
    expect(csrfMatches(a!, a!.csrfToken)).toBe(true);
    expect(csrfMatches(a!, b!.csrfToken)).toBe(false);
    expect(csrfMatches(a!, undefined)).toBe(false);
    expect(csrfMatches(a!, `${a!.csrfToken}x`)).toBe(false);
  });
});

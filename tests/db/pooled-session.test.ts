import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/db/client.ts';
import { sqlFor, type Sql } from '../../src/db/scheduling/sql.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// The scheduling store's statements run on pooled sessions. A statement the server
// refuses (a time already taken) is an everyday answer, not a broken connection: the
// session must serve the next statement, since a new one pays for preparing every
// statement and compiling scheduling_book again. A session the server ended must not.

describe('pooled sessions of the scheduling store', () => {
  let t: TestDatabase;
  let pool: ReturnType<typeof createPool>;
  let sql: Sql;
  const backend = async () => (await sql.query<{ pid: number }>({ text: 'SELECT pg_backend_pid() AS pid', values: [] }))[0]!.pid;

  beforeAll(async () => {
    t = await createTestDatabase();
    // One connection: whatever session answers next is the one that answered before, or its replacement.
    pool = createPool(t.url, { max: 1 });
    sql = sqlFor(pool);
  });
  afterAll(async () => {
    await pool.end();
    await t.drop();
  });

  it('keeps the session after a statement the server refused', async () => {
    const before = await backend();
    await expect(sql.query({ text: 'SELECT 1 / $1::int', values: [0] })).rejects.toThrow(/division by zero/);
    const refusal = `INSERT INTO schedule_version (id, version) VALUES (1, 0)`;
    await expect(sql.query({ name: 'pooled_session_refusal', text: refusal, values: [] })).rejects.toMatchObject({ code: '23505' });
    expect(await backend()).toBe(before);
    expect(pool.totalCount).toBe(1);
  });

  it('replaces a session the server ended', async () => {
    const before = await backend();
    await t.pool.query('SELECT pg_terminate_backend($1)', [before]);
    // The next statement either meets the closed session (and fails) or gets a new one.
    await sql.query({ text: 'SELECT 1', values: [] }).catch(() => undefined);
    const after = await backend();
    expect(after).not.toBe(before);
  });
});

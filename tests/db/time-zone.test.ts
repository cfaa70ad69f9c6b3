import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Instants must survive a round trip whatever TimeZone the PostgreSQL server runs in.

describe('timestamptz through Prisma', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    // Make the database's default zone far from UTC, as a server set up in India would be.
    const name = new URL(t.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${name}" SET TimeZone = 'Asia/Kolkata'`);
    await admin.end();
  });
  afterAll(() => t.drop());

  it('reads back the instant it wrote when the server zone is not UTC', async () => {
    const db = createPrisma(t.url);
    try {
      const at = new Date('2026-12-01T14:00:00Z');
      const b = await db.business.create({ data: { name: 'B', timeZone: 'Asia/Kolkata', createdAt: at } });
      const again = await db.business.findUniqueOrThrow({ where: { id: b.id } });
      expect(again.createdAt.toISOString()).toBe(at.toISOString());
      const { rows } = await t.pool.query(`SELECT extract(epoch FROM created_at) * 1000 AS ms FROM business WHERE id = $1`, [b.id]);
      expect(Number(rows[0].ms)).toBe(at.getTime());
    } finally {
      await db.$disconnect();
    }
  });
});

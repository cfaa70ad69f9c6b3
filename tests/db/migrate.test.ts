import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('migrate', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(() => t.drop());

  it('applies each migration once even when several processes start together', async () => {
    const results = await Promise.all([migrate(t.url), migrate(t.url), migrate(t.url), migrate(t.url)]);
    const all = results.flat();
    const onDisk = (await readMigrations()).map((m) => m.name);
    expect(all.sort()).toEqual(onDisk.sort());
    const { rows } = await t.pool.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"');
    expect(rows).toHaveLength(onDisk.length);
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await migrate(t.url)).toEqual([]);
  });
});

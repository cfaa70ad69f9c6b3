import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations, upToDate } from '../../src/db/migrate.ts';
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

  it('checks an up-to-date database without the lock: a start does not wait behind another process holding it', async () => {
    await migrate(t.url);
    const holder = await t.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7220514031)');
      const waited = await Promise.race([migrate(t.url), new Promise((r) => setTimeout(() => r('blocked'), 5_000))]);
      expect(waited).toEqual([]);
    } finally {
      await holder.query('SELECT pg_advisory_unlock(7220514031)');
      holder.release();
    }
  });

  it('still refuses a migration edited after it was applied, and applies a new one', async () => {
    await migrate(t.url);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const newest = (await readdir(dir)).filter((n) => /^\d{14}_/.test(n)).sort().at(-1)!;
      await mkdir(path.join(dir, '99990101000000_later'));
      await writeFile(path.join(dir, '99990101000000_later', 'migration.sql'), 'CREATE TABLE later_one (id int);');
      expect(await migrate(t.url, dir)).toEqual(['99990101000000_later']);
      await writeFile(path.join(dir, newest, 'migration.sql'), '-- edited\n', { flag: 'a' });
      await expect(migrate(t.url, dir)).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('upToDate', () => {
  const m = (name: string, checksum = 'c') => ({ name, sql: '', checksum });
  const row = (name: string, checksum = 'c', finished: boolean = true) => ({ migration_name: name, checksum, finished_at: finished ? new Date() : null });

  it('is true only when every migration on disk is finished with its checksum', () => {
    expect(upToDate([m('a'), m('b')], [row('a'), row('b')])).toBe(true);
    expect(upToDate([m('a'), m('b')], [row('a')])).toBe(false);
    expect(upToDate([m('a')], [row('a', 'other')])).toBe(false);
    expect(upToDate([m('a')], [row('a', 'c', false)])).toBe(false);
    expect(upToDate([], [])).toBe(true);
  });
});

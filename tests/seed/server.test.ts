import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startFrontdesk } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Starting the server on an empty database seeds the demo and says so, once;
// FRONTDESK_SEED=none leaves the database empty.

const dbs: TestDatabase[] = [];
afterAll(() => Promise.all(dbs.map((t) => t.drop())));

async function start(env: Record<string, string>) {
  const t = await createTestDatabase({ migrate: false });
  dbs.push(t);
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const config = loadConfig({ DATABASE_URL: t.url, PORT: '0', FRONTDESK_ADMIN_TOKEN: 'server-test-token-0123456789', ...env });
  return { t, lines, config, log, frontdesk: await startFrontdesk(config, log) };
}

describe('demo seeding at start', () => {
  it('seeds an empty database and says so; a restart does not seed again', async () => {
    const { t, lines, config, log, frontdesk } = await start({});
    await frontdesk.stop();
    const seeded = lines.filter((l) => l.includes('Seeded demo business'));
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatch(/Maple & Main Hair Studio.*6 services/);
    expect(await t.db.appointment.count()).toBe(6);

    const before = lines.length;
    const again = await startFrontdesk(config, log);
    await again.stop();
    expect(lines.slice(before).some((l) => l.includes('Seeded demo business'))).toBe(false);
    expect(await t.db.business.count()).toBe(1);
  });

  it('leaves the database empty with FRONTDESK_SEED=none', async () => {
    const { t, lines, frontdesk } = await start({ FRONTDESK_SEED: 'none' });
    await frontdesk.stop();
    expect(lines.some((l) => l.includes('Seeded demo business'))).toBe(false);
    expect(await t.db.business.count()).toBe(0);
  });
});

import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startFrontdesk } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

// The server as main.ts starts it, on a fresh unmigrated test database, with every log
// line it writes kept for the test to read. Databases are dropped after the file.

const dbs: TestDatabase[] = [];
afterAll(() => Promise.all(dbs.map((t) => t.drop())));

export async function startTestServer(env: Record<string, string>) {
  const t = await createTestDatabase({ migrate: false });
  dbs.push(t);
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const config = loadConfig({ DATABASE_URL: t.url, PORT: '0', FRONTDESK_ADMIN_TOKEN: 'server-test-token-0123456789', ...env });
  const frontdesk = await startFrontdesk(config, log);
  return { t, lines, config, log, frontdesk, url: `http://127.0.0.1:${new URL(frontdesk.url).port}` };
}

import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, startBoss, stopBoss } from '../../src/jobs/boss.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Ctrl-C stops the job queue; a clean stop must not log an error. Ctrl-C also
// reaches the embedded PostgreSQL, which closes the queue's connections first
// (SQLSTATE 57P01, what pg_terminate_backend sends too).

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

function capturingLogger() {
  const entries: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void entries.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, entries };
}

async function closeQueueConnections(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'frontdesk-jobs' AND datname = current_database()");
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

describe('stopping the job queue', () => {
  it('logs nothing at error level when the database shuts down first, as on Ctrl-C', async () => {
    const { log, entries } = capturingLogger();
    const boss = await startBoss(t.url, log);
    await boss.work(QUEUES.smsReply, { pollingIntervalSeconds: 0.5 }, async () => undefined);
    expect(await closeQueueConnections(t.url)).toBeGreaterThan(0);
    await expect.poll(() => entries.filter((e) => e.level === 40).length).toBeGreaterThan(0);
    await stopBoss(boss);
    expect(entries.filter((e) => e.level >= 50)).toEqual([]);
    expect(entries.find((e) => e.level === 40)!.msg).toMatch(/shutting down/);
  });

  it('still logs a real queue error at error level', async () => {
    const { log, entries } = capturingLogger();
    const boss = await startBoss(t.url, log);
    try {
      boss.emit('error', Object.assign(new Error('relation "pgboss.job" does not exist'), { code: '42P01' }));
      expect(entries.filter((e) => e.level === 50).map((e) => e.msg)).toEqual(['job queue error']);
    } finally {
      await stopBoss(boss);
    }
  });
});

import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { Logger } from '../log.ts';

// The commands (chat, seed) work on the database the server uses. When `npm start`
// already runs the embedded PostgreSQL of this data directory, they share it, on the
// port that server really listens on (written in its postmaster.pid), whatever
// FRONTDESK_EMBEDDED_PORT says here. Anything else that stops them is one message
// saying what to do, not a stack trace.

export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable';
}

/** Line 4 of postmaster.pid is the port of the server running on that data directory. */
export async function runningEmbeddedPort(dataDir: string): Promise<number | null> {
  try {
    const lines = (await readFile(path.resolve(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** Opens (or shares) the database and brings its schema up to date. */
/** Whether anything accepts connections on the port: a postmaster.pid left by a crash names a port no one listens on. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export async function openSharedDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  const written = config.DATABASE_URL ? null : await runningEmbeddedPort(config.FRONTDESK_DATA_DIR);
  const running = written !== null && (await listening(written)) ? written : null;
  const effective = running ? { ...config, FRONTDESK_EMBEDDED_PORT: running } : config;
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(effective, log);
    await migrate(handle.url);
    return handle;
  } catch (e) {
    await handle?.stop().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    const where = config.DATABASE_URL
      ? 'the PostgreSQL named by DATABASE_URL'
      : `the embedded PostgreSQL in ${path.resolve(config.FRONTDESK_DATA_DIR)}${running ? ` (npm start runs it on port ${running})` : ''}`;
    throw new DatabaseUnavailable(
      `Could not open ${where}: ${reason}\n` +
        'Run this command from the folder where npm start runs, with the same FRONTDESK_DATA_DIR and DATABASE_URL, ' +
        "or set DATABASE_URL to the server's database (npm start prints it under \"database\").",
    );
  }
}

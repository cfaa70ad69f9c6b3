import { youngGenerationMayGrow } from './v8-flags.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { assertPortFree } from './http/port.ts';
import { createLogger } from './log.ts';
import type * as Server from './server.ts';

// `npm start`: everything on embedded defaults unless the environment says otherwise.
// Only what opens the database is imported up front: the server's own modules (Prisma,
// Express, the conversation, every router: about 900 files) load while PostgreSQL
// starts, or while initdb runs on a first start.

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

const log = createLogger(config.LOG_LEVEL);
// Progress lines go to stdout beside the log: a first start (initdb, migrations, demo data) is not silent.
const progress = (line: string) => console.log(line);

/** The database opened and the server's modules loaded at the same time; a database opened for nothing is stopped. */
async function openDatabaseAndLoadServer(): Promise<{ database: DatabaseHandle; server: typeof Server }> {
  // A taken port is reported before anything is created.
  await assertPortFree(config.PORT);
  const [database, server] = await Promise.allSettled([openDatabase(config, log, { progress }), import('./server.ts')]);
  if (server.status === 'rejected') {
    if (database.status === 'fulfilled') await database.value.stop();
    throw server.reason;
  }
  if (database.status === 'rejected') throw database.reason;
  return { database: database.value, server: server.value };
}

// A signal while starting (initdb, migrations, demo data) ends the process at once; the
// exit hook of src/db/embedded.ts fast-stops a PostgreSQL it started, so none is left behind.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const exitWhileStarting = (signal: NodeJS.Signals) => {
  console.error(`Frontdesk stopped by ${signal} while starting.`);
  process.exit(1);
};
for (const signal of SIGNALS) process.on(signal, exitWhileStarting);

let frontdesk: Server.Frontdesk;
try {
  const { database, server } = await openDatabaseAndLoadServer();
  frontdesk = await server.startFrontdesk(config, log, { progress, database });
  youngGenerationMayGrow();
} catch (e) {
  // startFrontdesk has already stopped whatever it started.
  console.error(`Frontdesk could not start: ${e instanceof Error ? e.message : String(e)}`);
  log.debug({ err: e }, 'start failed');
  process.exit(1);
}

const lines = [
  '',
  `Frontdesk is running at ${frontdesk.url}`,
  `  database:    ${frontdesk.databaseDescription}`,
  `  admin API:   ${frontdesk.url}/api/v1 (OpenAPI at /api/v1/openapi.json)`,
  `  try it:      npm run chat -- --phone +12015550123`,
];
if (frontdesk.seeded) lines.push(`  demo data:   ${frontdesk.seeded}`);
if (frontdesk.adminToken.newToken) {
  lines.push(`  admin token: ${frontdesk.adminToken.newToken}`, '               (generated now and shown only once; set FRONTDESK_ADMIN_TOKEN to choose your own)');
} else {
  lines.push(
    frontdesk.adminToken.source === 'environment'
      ? '  admin token: from FRONTDESK_ADMIN_TOKEN'
      : '  admin token: the one generated on first start (printed then); set FRONTDESK_ADMIN_TOKEN to replace it',
  );
}
console.log(lines.join('\n') + '\n');

let stopping = false;
for (const signal of SIGNALS) {
  process.off(signal, exitWhileStarting);
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Never hang on shutdown: running jobs get FRONTDESK_SHUTDOWN_SECONDS, whatever has not stopped 5 s later is cut off.
    setTimeout(() => process.exit(1), (config.FRONTDESK_SHUTDOWN_SECONDS + 5) * 1000).unref();
    frontdesk.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

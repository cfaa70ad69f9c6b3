import './v8-flags.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startFrontdesk } from './server.ts';

// `npm start`: everything on embedded defaults unless the environment says otherwise.

let config;
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
let frontdesk;
try {
  // Progress lines go to stdout beside the log: a first start (initdb, migrations, demo data) is not silent.
  frontdesk = await startFrontdesk(config, log, { progress: (line) => console.log(line) });
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
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
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

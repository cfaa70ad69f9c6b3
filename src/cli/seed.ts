import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createPrisma } from '../db/client.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { DEMO_SEED_FILE, describeSeed } from '../seed/demo.ts';
import { BusinessExistsError, SeedError, seedFromFile } from '../seed/load.ts';
import { DatabaseUnavailable, openSharedDatabase } from './database.ts';

// `npm run seed -- [--replace] <file.yaml|file.json>`: loads one business into the
// database the server would use (DATABASE_URL, else the embedded one), after
// migrating it. Without a file it loads the bundled demo. An installation holds
// one business: --replace swaps the one there (the demo, usually) for the file's.

const USAGE = `Usage: npm run seed -- [--replace] [file.yaml|file.json]
  Loads a business from a seed file (default: ${DEMO_SEED_FILE}).
  --replace  delete the business already in the database (with its appointments,
             customers, conversations and outbox) and load the file instead`;

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { replace: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(1);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length > 1) {
  console.error(`One seed file at a time.\n${USAGE}`);
  process.exit(1);
}
const file = args.positionals[0] ?? DEMO_SEED_FILE;
const replace = args.values.replace;

/** Errors a user can fix get one clear message and exit 1; anything else is a bug and keeps its stack. */
function userFacing(e: unknown): string | undefined {
  if (e instanceof ConfigError || e instanceof DatabaseUnavailable) return e.message;
  if (e instanceof SeedError) return `${e.message}\nNothing was written.`;
  if (e instanceof BusinessExistsError) {
    return (
      `The database already has a business ("${e.existingName}"); nothing was written.\n` +
      `To replace it, with its appointments, customers and conversations, by the one in ${file}, run:\n` +
      `  npm run seed -- --replace ${file}`
    );
  }
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return `Cannot read ${file}: no such file.`;
  return undefined;
}

let database: DatabaseHandle | undefined;
let exitCode = 0;
try {
  const config = loadConfig();
  database = await openSharedDatabase(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  const db = createPrisma(database.url);
  try {
    const summary = (await seedFromFile(db, file, { now: new Date(), ifBusinessExists: replace ? 'replace' : 'fail' }))!;
    const replaced = summary.replaced ? ` (replacing "${summary.replaced}")` : '';
    console.log(`Seeded ${describeSeed(summary)} from ${file}${replaced} into ${database.description}.`);
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  const message = userFacing(e);
  if (!message) throw e;
  console.error(message);
  exitCode = 1;
} finally {
  await database?.stop();
}
process.exit(exitCode);

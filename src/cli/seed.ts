import { ConfigError, loadConfig } from '../config.ts';
import { createPrisma } from '../db/client.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createLogger } from '../log.ts';
import { DEMO_SEED_FILE, describeSeed } from '../seed/demo.ts';
import { SeedError, seedFromFile } from '../seed/load.ts';

// `npm run seed -- <file.yaml|file.json>`: loads one business into the database the
// server would use (DATABASE_URL, else the embedded one), after migrating it.
// Without a file it loads the bundled demo.

const file = process.argv[2] ?? DEMO_SEED_FILE;
if (file === '--help' || file === '-h') {
  console.log(`Usage: npm run seed -- [file.yaml|file.json]\n  Loads a business from a seed file (default: ${DEMO_SEED_FILE}).`);
  process.exit(0);
}

/** Errors a user can fix get one clear message and exit 1; anything else is a bug and keeps its stack. */
function userFacing(e: unknown): string | undefined {
  if (e instanceof ConfigError) return e.message;
  if (e instanceof SeedError) return `${e.message}\nNothing was written.`;
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return `Cannot read ${file}: no such file.`;
  return undefined;
}

let database: DatabaseHandle | undefined;
let exitCode = 0;
try {
  const config = loadConfig();
  database = await openDatabase(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  await migrate(database.url);
  const db = createPrisma(database.url);
  try {
    const summary = await seedFromFile(db, file, { now: new Date(), ifBusinessExists: 'fail' });
    if (summary) console.log(`Seeded ${describeSeed(summary)} from ${file} into ${database.description}.`);
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

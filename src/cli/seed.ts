import { loadConfig, ConfigError } from '../config.ts';
import { createPrisma } from '../db/client.ts';
import { openDatabase } from '../db/database.ts';
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

const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
const database = await openDatabase(config, log);
let exitCode = 0;
try {
  await migrate(database.url);
  const db = createPrisma(database.url);
  try {
    const summary = await seedFromFile(db, file, { now: new Date(), ifBusinessExists: 'fail' });
    if (summary) console.log(`Seeded ${describeSeed(summary)} from ${file} into ${database.description}.`);
  } finally {
    await db.$disconnect();
  }
} catch (e) {
  if (!(e instanceof SeedError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  console.error(e instanceof SeedError ? `${e.message}\nNothing was written.` : `Cannot read ${file}: no such file.`);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);

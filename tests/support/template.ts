import { createHash } from 'node:crypto';
import pg from 'pg';
import { migrate, readMigrations } from '../../src/db/migrate.ts';

// The migrations are applied once, to a template database; every test file's database
// is then a copy of it (CREATE DATABASE ... TEMPLATE, far cheaper than applying every
// migration with a commit each). The template is named after the
// migrations it holds, so a server that outlives a run (the system PostgreSQL in CI,
// several checkouts testing at once) never hands out a template of other migrations.
// It refuses connections: PostgreSQL cannot copy a database someone is connected to.

const BUILD_LOCK = 'frontdesk-test:template';

async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  for (const m of await readMigrations()) hash.update(`${m.name}\0${m.checksum}\0`);
  return `fd_template_${hash.digest('hex').slice(0, 16)}`;
}

/** Creates the migrated template on the server unless it is there; returns its name. */
export async function prepareTemplate(adminUrl: string): Promise<string> {
  const name = await templateName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Runs starting together on one server: one builds, the others wait and find it built.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [BUILD_LOCK]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await build(admin, adminUrl, name);
    return name;
  } finally {
    await admin.end();
  }
}

async function build(admin: pg.Client, adminUrl: string, name: string): Promise<void> {
  // Built under another name and renamed when complete: a run that dies midway leaves no half-migrated template.
  const building = `${name}_building`;
  await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${building}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${building}`;
  await migrate(url.toString());
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
}

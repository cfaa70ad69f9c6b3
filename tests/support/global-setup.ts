import type { TestProject } from 'vitest/node';
import { startScratchPostgres } from '../../src/db/embedded.ts';
import { createLogger } from '../../src/log.ts';

// One PostgreSQL server for the whole run: TEST_DATABASE_URL when set (CI also points
// it at the system PostgreSQL 15), else an embedded one under the system temp
// directory (reachable by the `postgres` user even when the checkout is not).
// Each test file then creates its own database on it (tests/support/db.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const pg = await startScratchPostgres('frontdesk-test', createLogger('silent'));
  project.provide('adminDatabaseUrl', pg.adminUrl);
  return () => pg.stop();
}

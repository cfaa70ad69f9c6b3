import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startScratchPostgres } from '../../src/db/embedded.ts';
import { createLogger } from '../../src/log.ts';
import { startDropper } from './dropper.ts';
import { prepareTemplate } from './template.ts';

// One PostgreSQL server for the whole run: TEST_DATABASE_URL when set (CI also points
// it at the system PostgreSQL 15), else an embedded one under the system temp
// directory (reachable by the `postgres` user even when the checkout is not).
// Each test file then creates its own database on it (tests/support/db.ts), a copy
// of a template the migrations are applied to once (tests/support/template.ts), and
// leaves it to this process to drop (tests/support/dropper.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** Every database this run creates is named with it. */
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = process.env.TEST_DATABASE_URL ? null : await startScratchPostgres('frontdesk-test', createLogger('silent'));
  const adminUrl = process.env.TEST_DATABASE_URL ?? scratch!.adminUrl;
  try {
    const prefix = `fd_test_${randomBytes(4).toString('hex')}_`;
    project.provide('adminDatabaseUrl', adminUrl);
    project.provide('templateDatabase', await prepareTemplate(adminUrl));
    project.provide('databasePrefix', prefix);
    const dropper = await startDropper(adminUrl, prefix);
    return async () => {
      try {
        await dropper.stop();
      } finally {
        await scratch?.stop();
      }
    };
  } catch (err) {
    await scratch?.stop();
    throw err;
  }
}

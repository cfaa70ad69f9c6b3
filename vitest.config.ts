import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for the same database.
    maxWorkers: 2,
    // A worker reuses its modules from one test file to the next instead of loading the
    // whole import graph anew per file: the understanding tests (100+ small files over one
    // large graph) took five times the CPU isolated (111 s against 21 s). Every test file
    // makes its own database and its own app; the one process-wide state, the API's route
    // description, is taken back by the test that adds a probe route to it.
    isolate: false,
  },
});

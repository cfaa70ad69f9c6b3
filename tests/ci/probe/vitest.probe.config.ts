import { defineConfig } from 'vitest/config';
import base from '../../../vitest.config.ts';

// The suite's own configuration (global setup with its PostgreSQL included), run on
// the probe files only: whatever ends the real run ends this one the same way.
export default defineConfig({
  ...base,
  test: { ...base.test, include: [`tests/ci/probe/${process.env.PROBE ?? '*'}.probe.ts`] },
});

import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

// The runner once exited 0 with failing tests (a dependency's exit hook overwrote the
// exit code), so no green run proved anything. These run the real runner, with the
// suite's own configuration and global setup, on files made to fail.

function runProbe(probe: string) {
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'tests/ci/probe/vitest.probe.config.ts'], {
    env: { ...process.env, PROBE: probe },
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the test runner', () => {
  test('exits non-zero when a test fails', () => {
    const run = runProbe('failing');
    expect(run.output).toMatch(/1 failed/);
    expect(run.status).toBe(1);
  });

  test('exits non-zero when a test times out', () => {
    const run = runProbe('timing-out');
    expect(run.output).toMatch(/timed out/i);
    expect(run.status).toBe(1);
  });

  test('exits 0 when every test passes (the control)', () => {
    const run = runProbe('passing');
    expect(run.output).toMatch(/1 passed/);
    expect(run.status).toBe(0);
  });
}, 120_000);

import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';

// The runner once exited 0 with failing tests (a dependency's exit hook overwrote the
// exit code), so no green run proved anything. These run the real runner, with the
// suite's own configuration and global setup, on files made to fail. Each run starts its
// own PostgreSQL, the bulk of its time, so the two failing probes share one run and the
// control runs beside it.

interface ProbeRun {
  status: number | null;
  output: string;
}

function runProbe(probes: string): Promise<ProbeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'tests/ci/probe/vitest.probe.config.ts'], {
      env: { ...process.env, PROBE: probes, NO_COLOR: '1' },
      timeout: 110_000,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the test runner', () => {
  let failing: ProbeRun;
  let passing: ProbeRun;
  beforeAll(async () => {
    [failing, passing] = await Promise.all([runProbe('{failing,timing-out}'), runProbe('passing')]);
  }, 120_000);

  test('exits non-zero when a test fails and when a test times out', () => {
    expect(failing.output).toMatch(/a deliberately failing test/);
    expect(failing.output).toMatch(/a deliberately hanging test/);
    expect(failing.output).toMatch(/timed out/i);
    expect(failing.output).toMatch(/Tests\s+2 failed/);
    expect(failing.status).toBe(1);
  });

  test('exits 0 when every test passes (the control)', () => {
    expect(passing.output).toMatch(/1 passed/);
    expect(passing.status).toBe(0);
  });
});

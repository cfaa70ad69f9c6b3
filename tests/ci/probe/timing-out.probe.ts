import { test } from 'vitest';

// Run only by tests/ci/runner-can-fail.test.ts: a test that times out is a failure.
test('a deliberately hanging test', () => new Promise(() => {}), 200);

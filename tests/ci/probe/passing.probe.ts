import { expect, test } from 'vitest';

// Run only by tests/ci/runner-can-fail.test.ts: the control, so a runner that always fails is caught too.
test('a passing test', () => {
  expect(1).toBe(1);
});

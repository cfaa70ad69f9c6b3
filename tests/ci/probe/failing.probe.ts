import { expect, test } from 'vitest';

// Run only by tests/ci/runner-can-fail.test.ts: the runner must exit non-zero on it.
test('a deliberately failing test', () => {
  expect(1).toBe(2);
});

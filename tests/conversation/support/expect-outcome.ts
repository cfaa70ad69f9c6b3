import { expect } from 'vitest';
import type { Dialog, DialogResult } from './dialog-runner.ts';

/** A dialog passes, or, marked `expected_fail`, still fails: a fix shows up as a mark to remove. */
export function expectOutcome(dialog: Pick<Dialog, 'expected_fail'>, result: DialogResult): void {
  if (dialog.expected_fail) {
    expect(result.failures.length, `expected to fail (${dialog.expected_fail}) but passed\n${result.transcript}`).toBeGreaterThan(0);
  } else {
    expect(result.failures, `${result.failures.join('\n')}\n${result.transcript}`).toEqual([]);
  }
}

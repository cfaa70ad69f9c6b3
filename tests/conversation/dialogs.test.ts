import { describe, expect, it } from 'vitest';
import { loadDialogs } from './support/dialog-runner.ts';
import { dialogTests, dialogsDir } from './support/dialog-suite.ts';

// Scripted dialogs for the offline provider, original set (./dialogs). The tuning part of
// the corpus (./dialogs-tuning) runs in dialogs-tuning-1..4.test.ts, the held-out part in
// dialogs-heldout.test.ts. Every dialog runs on a fresh copy of its business fixture with a
// fixed clock and is judged on the END STATE of the database (./dialogs/README.md).

const original = loadDialogs(dialogsDir('dialogs')).map((d) => ({ ...d, file: `dialogs/${d.file}` }));

describe('offline dialogs', () => {
  it('has at least 40 original dialogs', () => {
    expect(original.length).toBeGreaterThanOrEqual(40);
  });
  dialogTests(original);
});

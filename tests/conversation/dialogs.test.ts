import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { loadDialogs, runDialog } from './support/dialog-runner.ts';
import { expectOutcome } from './support/expect-outcome.ts';

// Scripted dialogs for the offline provider: the original set in ./dialogs and the tuning
// part of the corpus in ./dialogs-tuning (the held-out part runs in dialogs-heldout.test.ts).
// Only dialogs of a spent held-out set (heldout1-* to heldout8-*) may still carry
// `expected_fail`: a gap the set found that is not fixed yet.
// Every dialog runs on a fresh copy of its business fixture with a fixed clock and is judged
// on the END STATE of the database (tests/conversation/dialogs/README.md).

const here = path.dirname(fileURLToPath(import.meta.url));
const original = loadDialogs(path.join(here, 'dialogs'));
const tuning = loadDialogs(path.join(here, 'dialogs-tuning'));

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('offline dialogs', () => {
  it('has at least 40 original dialogs', () => {
    expect(original.length).toBeGreaterThanOrEqual(40);
  });

  for (const { file, dialog } of [...original.map((d) => ({ ...d, file: `dialogs/${d.file}` })), ...tuning.map((d) => ({ ...d, file: `dialogs-tuning/${d.file}` }))]) {
    it(`${file}: ${dialog.name}`, async () => {
      const result = await runDialog(t, dialog);
      // A spent held-out dialog that still fails keeps its mark, and must fail: a fix unmarks it.
      if (dialog.expected_fail) expect(file, 'only a spent held-out dialog may be marked').toMatch(/^dialogs-tuning\/heldout\d+-/);
      expectOutcome(dialog, result);
    });
  }
});

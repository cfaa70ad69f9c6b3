import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { loadDialogs, runDialog, type LoadedDialog } from './dialog-runner.ts';
import { expectOutcome } from './expect-outcome.ts';

// The dialog corpus as vitest tests: each dialog is a test on this file's own database,
// judged on the END STATE (tests/conversation/dialogs/README.md). The tuning part is split
// over several test files (dialogs-tuning-N.test.ts) so both workers run it: as one file
// it was the run's last ~5 minutes on one core while the other stood idle.

const conversationDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dialogsDir = (name: string) => path.join(conversationDir, name);

/** The tuning dialogs of one shard: whole files, dealt round-robin by file name so a file's dialogs stay together. */
export function tuningShard(shard: number, of: number): LoadedDialog[] {
  const dir = dialogsDir('dialogs-tuning');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const mine = new Set(files.filter((_, i) => i % of === shard - 1));
  return loadDialogs(dir)
    .filter(({ file }) => mine.has(file))
    .map((d) => ({ ...d, file: `dialogs-tuning/${d.file}` }));
}

/** One test per dialog. Only a dialog of a spent held-out set (heldoutN-*) may carry `expected_fail`: a gap not fixed yet. */
export function dialogTests(dialogs: LoadedDialog[]): void {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  for (const { file, dialog } of dialogs) {
    it(`${file}: ${dialog.name}`, async () => {
      const result = await runDialog(t, dialog);
      if (dialog.expected_fail) expect(file, 'only a spent held-out dialog may be marked').toMatch(/^dialogs-tuning\/heldout\d+-/);
      expectOutcome(dialog, result);
    });
  }
}

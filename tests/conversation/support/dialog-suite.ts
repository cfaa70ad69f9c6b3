import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { dialogFiles, loadDialogs, runDialog, type LoadedDialog } from './dialog-runner.ts';
import { expectOutcome } from './expect-outcome.ts';

// The dialog corpus as vitest tests: each dialog is a test on this file's own database,
// judged on the END STATE (tests/conversation/dialogs/README.md). The tuning part is split
// over several test files (dialogs-tuning-N.test.ts) so both workers run it: as one file
// it was the run's last ~5 minutes on one core while the other stood idle.

const conversationDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dialogsDir = (name: string) => path.join(conversationDir, name);

/** The tuning files of one shard: dealt round-robin by name, so a file's dialogs stay together. */
export function tuningShardFiles(shard: number, of: number): string[] {
  return dialogFiles(dialogsDir('dialogs-tuning')).filter((_, i) => i % of === shard - 1);
}

/** The tuning dialogs of one shard. Only its own files are read: parsing the whole corpus in every shard cost each one seconds. */
export function tuningShard(shard: number, of: number): LoadedDialog[] {
  const mine = new Set(tuningShardFiles(shard, of));
  return loadDialogs(dialogsDir('dialogs-tuning'), (file) => mine.has(file)).map((d) => ({ ...d, file: `dialogs-tuning/${d.file}` }));
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

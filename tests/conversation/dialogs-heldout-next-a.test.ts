import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { formatRate, loadDialogs, runDialog } from './support/dialog-runner.ts';

// The next held-out set, part a (new bookings), written without reading the understanding
// code or any other dialog. A dialog marked `expected_fail` records what the bot did wrong:
// it must still fail, so the day the bot gets it right the mark has to come off.

const here = path.dirname(fileURLToPath(import.meta.url));
// The folder is shared with the other writers of the next set; part a owns the `a-` files.
const dialogs = loadDialogs(path.join(here, 'dialogs-heldout-next')).filter((d) => d.file.startsWith('a-'));

let t: TestDatabase;
let ran = 0;
let passed = 0;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  console.log(`held-out next (a): bot passes ${formatRate(passed, ran)}${ran < dialogs.length ? ` of the ${ran} run (${dialogs.length} in the set)` : ''}`);
  await t.drop();
});

describe('held-out dialogs, next set a', () => {
  for (const { file, dialog } of dialogs) {
    it(`${file}: ${dialog.name}`, async () => {
      const result = await runDialog(t, dialog);
      ran++;
      if (result.failures.length === 0) passed++;
      const report = `${result.failures.join('\n')}\n${result.transcript}`;
      if (dialog.expected_fail) expect(result.failures, `now passes; remove expected_fail:\n${report}`).not.toEqual([]);
      else expect(result.failures, report).toEqual([]);
    });
  }
});

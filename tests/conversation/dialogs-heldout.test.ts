import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { formatRate, loadDialogs, runDialog } from './support/dialog-runner.ts';
import { expectOutcome } from './support/expect-outcome.ts';

// The held-out set (./dialogs-heldout): sets 5 and 6, 548 dialogs written in session 7 by
// four people who read neither the understanding code nor any other dialog set, committed
// before their first run, and never tuned on (e-* and g-*: new bookings; f-* and h-*:
// everything around a booking and questions). Each dialog is a test; one still failing
// carries `expected_fail: <what the bot did>` and must fail, so a fix shows up as a dialog
// to unmark and a regression as a failed test. The target is 95% (issue 14).
// Measured on the first runs: set 5 197/272, set 6 205/276. Eleven of set 5's failures
// were the writers' slip in the format, not the bot's: an end state listed another
// customer's untouched booking without `customer: other`; with that written in, set 5 is
// 208/272 and both 413/548, the floor this gate holds. (Earlier held-out sets were tuned
// on once their failures were read; they live in ./dialogs-tuning as heldout1-* to heldout4-*.)

const TARGET = 0.95;
const FLOOR = 413 / 548;
const here = path.dirname(fileURLToPath(import.meta.url));
const heldOut = loadDialogs(path.join(here, 'dialogs-heldout'));
const passed = new Map<string, boolean>();

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('held-out dialogs', () => {
  for (const [i, { file, dialog }] of heldOut.entries()) {
    const title = `${file} #${i}: ${dialog.name}`;
    it(title, async () => {
      const result = await runDialog(t, dialog);
      passed.set(title, result.failures.length === 0);
      expectOutcome(dialog, result);
    });
  }

  it(`passes at least the measured floor of the held-out set (target ${TARGET * 100}%; at least 200 dialogs)`, () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(200);
    expect(passed.size, 'every held-out dialog ran').toBe(heldOut.length);
    const ok = [...passed.values()].filter(Boolean).length;
    console.log(`held-out sets 5 and 6 pass rate: ${formatRate(ok, heldOut.length)} (target ${TARGET * 100}%)`);
    expect(ok / heldOut.length).toBeGreaterThanOrEqual(FLOOR);
  });
});

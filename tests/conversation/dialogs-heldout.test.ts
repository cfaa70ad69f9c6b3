import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { formatRate, loadDialogs, runDialog } from './support/dialog-runner.ts';
import { expectOutcome } from './support/expect-outcome.ts';

// The held-out set (./dialogs-heldout): set 31, 288 dialogs written on 2026-12-05 by two
// people who read neither the understanding code nor any dialog set (only ./BRIEF.md: the
// business, the bot's reply protocol, the YAML schema; set 30's brief with the set number
// changed), committed before their first run (6ad09f0, named there as the set after set 30),
// and never tuned on (yg-*: new bookings; yh-*: everything around a booking). Each dialog is a
// test; one still failing carries `expected_fail: <what the bot did>` and must fail, so a fix
// shows up as a dialog to unmark and a regression as a failed test. The target is 95% (issue
// 14). First run, on the code after the fixes on sets 29 and 30: 277/288 (96.2%), the FLOOR
// this gate holds.
// Earlier held-out sets were tuned on once their failures were read; they live in
// ./dialogs-tuning as heldout1-* to heldout30-*.

const TARGET = 0.95;
const FLOOR = 277 / 288;
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
    console.log(`held-out set 31 pass rate: ${formatRate(ok, heldOut.length)} (target ${TARGET * 100}%)`);
    expect(ok / heldOut.length).toBeGreaterThanOrEqual(FLOOR);
  });
});

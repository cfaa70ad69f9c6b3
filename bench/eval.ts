import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool, createPrisma } from '../src/db/client.ts';
import { formatRate, loadDialogs, runDialog, type LoadedDialog } from '../tests/conversation/support/dialog-runner.ts';
import { benchDatabase } from './support.ts';

// `npm run eval` (also part of `npm run bench`): the offline provider on the dialog corpus,
// judged on the database end state. The held-out set (tests/conversation/dialogs-heldout)
// was written by someone who had not read the understanding code and is never tuned on;
// its rate is the honest figure.
// `EVAL_VERBOSE=1` prints each failing dialog with its transcript; `EVAL_FILES=e-08,h-0`
// runs only the files whose names contain one of those parts.

const here = path.dirname(fileURLToPath(import.meta.url));
const dialogsDir = (name: string) => path.join(here, '..', 'tests', 'conversation', name);

export async function run(): Promise<void> {
  const database = await benchDatabase();
  const db = createPrisma(database.url);
  const pool = createPool(database.url, { max: 4 });
  const target = { db, pool };
  try {
    const sets: Array<[string, LoadedDialog[]]> = [
      ['held-out', loadDialogs(dialogsDir('dialogs-heldout'))],
      ['tuning', [...loadDialogs(dialogsDir('dialogs')), ...loadDialogs(dialogsDir('dialogs-tuning'))]],
    ];
    const only = process.env.EVAL_FILES?.split(',').filter(Boolean);
    for (const [name, all] of sets) {
      const dialogs = only ? all.filter(({ file }) => only.some((part) => file.includes(part))) : all;
      if (dialogs.length === 0) continue;
      let ok = 0;
      for (const { file, dialog } of dialogs) {
        const result = await runDialog(target, dialog);
        if (result.failures.length === 0) ok++;
        else if (process.env.EVAL_VERBOSE) console.log(`FAIL ${name} ${file}: ${dialog.name}\n  ${result.failures.join('\n  ')}\n${result.transcript}\n`);
        else console.log(`fail ${name} ${file}: ${dialog.name}`);
      }
      console.log(`${name} pass rate: ${formatRate(ok, dialogs.length)}`);
    }
  } finally {
    await db.$disconnect();
    await pool.end();
    await database.drop();
  }
}

import { describe, expect, it } from 'vitest';
import { loadDialogs } from './support/dialog-runner.ts';
import { dialogsDir } from './support/dialog-suite.ts';

// Read while the file is collected, as the dialog suites read theirs: parsing some 9,700
// dialogs takes seconds on a busy machine, and that is no test's time.
const names = ['dialogs', 'dialogs-tuning', 'dialogs-heldout'].flatMap((dir) => loadDialogs(dialogsDir(dir)).map(({ dialog }) => dialog.name));

describe('dialog names', () => {
  // A failure names its dialog; two dialogs of one name send a reader to the wrong one.
  it('are unique across the originals, the tuning set and the held-out set', () => {
    const seen = new Set<string>();
    const repeated = names.filter((name) => seen.has(name) || !seen.add(name));
    expect(repeated).toEqual([]);
    expect(names.length).toBeGreaterThan(9000);
  });
});

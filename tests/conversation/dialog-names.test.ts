import { describe, expect, it } from 'vitest';
import { loadDialogs } from './support/dialog-runner.ts';
import { dialogsDir } from './support/dialog-suite.ts';

describe('dialog names', () => {
  // A failure names its dialog; two dialogs of one name send a reader to the wrong one.
  it('are unique across the originals, the tuning set and the held-out set', () => {
    const names = ['dialogs', 'dialogs-tuning', 'dialogs-heldout'].flatMap((dir) => loadDialogs(dialogsDir(dir)).map(({ dialog }) => dialog.name));
    const seen = new Set<string>();
    const repeated = names.filter((name) => seen.has(name) || !seen.add(name));
    expect(repeated).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadDialogs } from './support/dialog-runner.ts';
import { dialogsDir, tuningShard } from './support/dialog-suite.ts';

describe('tuning shards', () => {
  it('run every tuning dialog exactly once across the four shard files', () => {
    const all = loadDialogs(dialogsDir('dialogs-tuning')).map(({ file, dialog }) => `dialogs-tuning/${file}: ${dialog.name}`);
    const sharded = [1, 2, 3, 4].flatMap((n) => tuningShard(n, 4)).map(({ file, dialog }) => `${file}: ${dialog.name}`);
    expect(sharded.sort()).toEqual(all.sort());
    expect(all.length).toBeGreaterThan(2000);
  });
});

import { describe, expect, it } from 'vitest';
import { dialogFiles } from './support/dialog-runner.ts';
import { dialogsDir, tuningShardFiles } from './support/dialog-suite.ts';

describe('tuning shards', () => {
  // A shard runs whole files, so dealing every file to exactly one shard runs every dialog exactly once.
  it('deal every tuning file to exactly one of the four shard files', () => {
    const all = dialogFiles(dialogsDir('dialogs-tuning'));
    const dealt = [1, 2, 3, 4].flatMap((n) => tuningShardFiles(n, 4));
    expect(dealt.sort()).toEqual(all);
    expect(all.length).toBeGreaterThan(200);
  });
});

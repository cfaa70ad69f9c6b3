import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { undoesCancel, undoneCancelAsRebook } from '../../../src/conversation/understanding/undo-cancel.ts';
import { ctxOnDec1 } from './fixtures.ts';

// f11c: a cancel just done, taken back, reads as a rebooking of what was canceled; the
// provider books it again only right after a cancel (providers/offline/after-cancel.ts).
describe('a cancel taken back', () => {
  it.each([
    ['oops undo that pls', 'oops rebook it pls'],
    ["I didn’t mean to cancel, can you put it back", 'can you rebook it'],
    ['pressed y by mistake, bring my trim back', 'rebook my trim'],
    ['can u uncancel it, same time', 'can u rebook it same time'],
  ])('%j is said as a rebooking', (text, said) => {
    expect(undoesCancel(text)).toBe(true);
    expect(undoneCancelAsRebook(text).replace(/[,!]/g, '').trim()).toBe(said);
  });

  it('reads as a rebooking, the time said kept', () => {
    const u = understand('argh hit yes by accident, can you put it back for the same time', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.sameTime).toBe(true);
  });

  it.each(['can you put it back an hour', 'put it back to 3 pls', 'put it back 30 min', 'where do i put my bag'])('%j takes back no cancel', (text) => {
    expect(undoesCancel(text)).toBe(false);
    expect(undoneCancelAsRebook(text)).toBe(text);
  });
});

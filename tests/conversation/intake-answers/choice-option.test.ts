import { describe, expect, it } from 'vitest';
import { matchOption } from '../../../src/conversation/intake-answers/choice-option.ts';

const REFERRAL = ['Friend', 'Online', 'Walk-by'];

describe('matchOption: a choice answered in words', () => {
  it.each([
    ['Friend', 0], ['a friend', 0], ['my friend told me', 0], ['my sister', 0], ['word of mouth', 0], ['freind', 0],
    ['someone recommended you', 0], ['not online, a friend', 0],
    ['online', 1], ['saw u on instagram', 1], ['google', 1], ['googled salons near me', 1], ['instagarm', 1], ['yelp reviews', 1], ['tik tok', 1],
    ['walked past the shop', 2], ['walking by', 2], ['drove by', 2], ['walk by', 2], ['saw the sign outside', 2],
    ['2', 1], ['#3', 2], ['the second one', 1], ['2 i guess', 1], ['first i saw u online', 1], ['onl', 1],
  ])('%j → option %i', (text, index) => {
    expect(matchOption(text, REFERRAL)).toEqual({ index });
  });

  it.each(['tv', 'hmm', 'a magazine', '', '7'])('%j names no option (asked again)', (text) => {
    expect(matchOption(text, REFERRAL)).toBeUndefined();
  });

  it('two options named at once is ambiguous, never a guess', () => {
    expect(matchOption('a friend and instagram', REFERRAL)).toEqual({ ambiguous: true });
    expect(matchOption('walked by after seeing you online', REFERRAL)).toEqual({ ambiguous: true });
    expect(matchOption('a friend showed me your website', REFERRAL)).toEqual({ ambiguous: true });
  });

  it('an option named by its own word wins over a kind several options share', () => {
    expect(matchOption('saw u on instagram', ['Google', 'Instagram', 'Friend'])).toEqual({ index: 1 });
    expect(matchOption('on tiktok', ['Google', 'Instagram', 'Friend'])).toEqual({ ambiguous: true });
  });

  it('works for options it has no vocabulary for, by their words', () => {
    const colors = ['Blonde highlights', 'Full color', 'Balayage'];
    expect(matchOption('the highlights pls', colors)).toEqual({ index: 0 });
    expect(matchOption('balayge', colors)).toEqual({ index: 2 });
    expect(matchOption('something natural', colors)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// A one-letter yes or no with pleasantries after it ("y thanks", set 10's q-01).

describe('a one-letter answer with pleasantries after it', () => {
  it.each([
    ['Y thank you', 'yes'],
    ['k please', 'yes'],
    ['y!! thx so much', 'yes'],
    ['N thanks', 'no'],
  ])('%s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
    expect(understand(text, ctxOnDec1('confirmation')).intent).toBe(answer === 'yes' ? 'confirm' : 'decline');
  });

  it.each(['y not friday', 'k so what time', 'n main street'])('%s is no bare answer', (text) => {
    expect(understand(text, ctxOnDec1('confirmation')).intent).not.toBe('confirm');
  });
});

// Thanks and warm words before the yes ("lovely, yes", "fine yes", set 11's r003, r043, r138).
describe('a yes after thanks and warm words', () => {
  it.each(['cheers, yep', 'brill... fab, yes please', 'ta, yeah', 'wonderful thank u, sure', 'super, ok go ahead', 'ooh lovely thanks! yup', 'thanks so much, y'])(
    '%s',
    (text) => {
      expect(parseYesNo(text)).toBe('yes');
      expect(understand(text, ctxOnDec1('confirmation')).intent).toBe('confirm');
    },
  );

  it.each(['thanks, no', 'fine, friday at 3 then', 'lovely, can it be 4 instead?', 'cheers, what time do you close'])('%s is no yes', (text) => {
    expect(parseYesNo(text)).not.toBe('yes');
  });
});

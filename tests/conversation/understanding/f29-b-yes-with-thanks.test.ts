import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';

// f29-b (set 28's yb012): a one-letter yes (or no) followed by a whole thanks ("Y, thanks for
// understanding") is that answer; a thanks that goes on to ask or change is more than one.

describe('a one-letter answer with a thanks after it', () => {
  it.each([
    ['Y, thanks for understanding', 'yes'],
    ['y, appreciate it', 'yes'],
    ['k thank you for being so flexible', 'yes'],
    ['y ty for ur patience', 'yes'],
    ['Y. Thanks so much for the help', 'yes'],
    ['n thanks for understanding', 'no'],
  ])('%j: %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });

  it.each(['y thanks but can i move it', 'y thanks for the 3pm make it 4', 'n 3rd street', 'k so what time', 'y thanks for 2 of them'])(
    '%j: no plain answer',
    (text) => {
      expect(parseYesNo(text)).toBeUndefined();
    },
  );
});

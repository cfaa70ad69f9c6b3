import { describe, expect, it } from 'vitest';
import { parseChoice, parseYesNo } from '../../../src/conversation/understanding/index.ts';

const yesNo: Array<[string, 'yes' | 'no' | undefined]> = [
  ['yes', 'yes'], ['Y', 'yes'], ['yeah', 'yes'], ['yep', 'yes'], ['yup!', 'yes'], ['confirm', 'yes'], ['OK', 'yes'],
  ['okay', 'yes'], ['sure', 'yes'], ['Sounds good', 'yes'], ['sounds good to me', 'yes'], ['that works', 'yes'],
  ['yes please', 'yes'], ['no problem', 'yes'], ['👍', 'yes'], ['yes but make it 3pm', 'yes'], ['  Yes.  ', 'yes'],
  ['no', 'no'], ['N', 'no'], ['nope', 'no'], ['nah', 'no'], ['no thanks', 'no'], ['No, tomorrow instead', 'no'],
  ['never mind', 'no'], ['👎', 'no'],
  ['', undefined], ['maybe', undefined], ['not sure', undefined], ['good morning', undefined], ['next tuesday', undefined],
  ['n 3rd street', undefined], ['yesterday', undefined], ['nothing', undefined],
];

describe('parseYesNo', () => {
  it.each(yesNo)('%j → %s', (text, want) => {
    expect(parseYesNo(text)).toBe(want);
  });
});

type Choice = { index?: number; time?: { hour: number; minute: number } };
const choices: Array<[string, number, Choice]> = [
  ['1', 3, { index: 0 }],
  ['2', 3, { index: 1 }],
  ['2.', 3, { index: 1 }],
  ['3)', 3, { index: 2 }],
  ['#3', 3, { index: 2 }],
  ['option 1', 3, { index: 0 }],
  ['number 2 please', 3, { index: 1 }],
  ["I'll take 2", 3, { index: 1 }],
  ['two', 3, { index: 1 }],
  ['the 2nd', 3, { index: 1 }],
  ['the second one', 3, { index: 1 }],
  ['first', 3, { index: 0 }],
  ['the last one', 4, { index: 3 }],
  ['either is fine', 3, { index: 0 }],
  ['the 3pm one', 3, { time: { hour: 15, minute: 0 } }],
  ['the 10:30', 3, { time: { hour: 10, minute: 30 } }],
  ['10:30am', 3, { time: { hour: 10, minute: 30 } }],
  ["the 3 o'clock", 3, { time: { hour: 15, minute: 0 } }],
  ['at 9', 3, { time: { hour: 9, minute: 0 } }],
  ['noon', 3, { time: { hour: 12, minute: 0 } }],
  ['the 10', 3, { time: { hour: 10, minute: 0 } }],
  ['4:15 pm', 3, { time: { hour: 16, minute: 15 } }],
  ['the 2nd one at 3pm', 3, { index: 1, time: { hour: 15, minute: 0 } }],
  ['5', 3, { time: { hour: 17, minute: 0 } }],
  ['option 7', 3, {}],
  ['the 2nd of december', 3, {}],
  ['', 3, {}],
  ['hello', 3, {}],
  ['2', 0, { time: { hour: 14, minute: 0 } }],
  // A time typed without its colon, with filler around it.
  ['530 pls', 4, { time: { hour: 17, minute: 30 } }],
  ['ok 1130 works', 4, { time: { hour: 11, minute: 30 } }],
  ["i'll take the 430", 4, { time: { hour: 16, minute: 30 } }],
];

describe('parseChoice', () => {
  it.each(choices)('%j of %i → %o', (text, count, want) => {
    expect(parseChoice(text, count)).toEqual(want);
  });
});

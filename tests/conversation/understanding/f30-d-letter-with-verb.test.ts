import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30d (set 29's yd012): at "Cancel your Haircut ...? Reply Y to confirm or N to keep it." the
// customer says "Y, cancel". A one-letter answer followed by the verb of what it answers (the
// summary's cancel, move or book, or the prompt's own "confirm" and "keep it") is that answer, as
// "yes cancel it" already was; a letter followed by anything else stays no answer.

const atSummary = (text: string) => understand(text, ctxOnDec1('confirmation'));

describe('a one-letter yes with the verb of what it confirms', () => {
  it.each(['Y, cancel', 'y cancel it', 'Y - cancel', 'y, cancel it please', 'k cancel it'])('%s cancels', (text) => {
    expect(atSummary(text)).toMatchObject({ intent: 'cancel', answer: 'yes' });
  });
  it.each(['Y, move it', 'y reschedule it pls'])('%s moves', (text) => {
    expect(atSummary(text)).toMatchObject({ intent: 'reschedule', answer: 'yes' });
  });
  it.each(['y book it', 'Y book', 'y book me in thanks', 'K, confirm pls', 'y do it', 'Y move'])('%s confirms', (text) => {
    expect(atSummary(text)).toMatchObject({ intent: 'confirm', answer: 'yes' });
  });
});

describe('a one-letter no with the prompt\'s "keep it"', () => {
  it.each(['N keep it', 'n, keep it thanks', 'n, leave it as is'])('%s', (text) => {
    expect(atSummary(text)).toMatchObject({ intent: 'decline', answer: 'no' });
  });
});

describe('near misses: a letter before other words is no answer', () => {
  it.each(['k so what time', 'n 3rd street', 'y cancel my color', 'n cancel', 'k move it to friday', 'y not'])('%j', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
  it('"k move it to friday" asks a new time, no yes', () => {
    const u = atSummary('k move it to friday');
    expect(u.answer).toBeUndefined();
    expect(u.when?.dayNamed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { onlyArrivalNotice } from '../../../src/conversation/understanding/arrival-notice.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30b (set 29's yd070): "pls tell dana im 5 min out!! parking now" says the customer is
// arriving, on time, for the booking they have. Passed on to the stylist or not, it asks nothing:
// no person is needed and "5 min out" is no time to book. Late, the stylist has to know (a person
// is asked, as before); anything asked beside it is read as asked.

describe('an arrival told', () => {
  it.each([
    'pls tell dana im 5 min out!! parking now 🚗',
    'omw!',
    'let my stylist know im on my way',
    'can u tell lee we are 10 mins away',
    'almost there, be there in 5',
    'just parked, see you soon',
  ])('%s', (text) => {
    expect(onlyArrivalNotice(text)).toBe(true);
    expect(understand(text, ctxOnDec1(null)).intent).toBe('unknown');
  });
});

describe('near misses: lateness, a request or a question', () => {
  it.each([
    'tell dana im running late',
    "could you please tell my stylist i'll be 10 minutes late, the train is stuck",
    'omw but running like 10 behind, be there soon',
    'im 5 min out, can i add a trim?',
    'tell dana to call me',
    'i am 5 min out, move me to 3',
    'im 10 min away, anything for a cut at 4?',
  ])('%s', (text) => {
    expect(onlyArrivalNotice(text)).toBe(false);
  });

  it('a stylist told of lateness is still a request for a person', () => {
    expect(understand('tell dana im running late', ctxOnDec1(null)).intent).toBe('human');
  });
});

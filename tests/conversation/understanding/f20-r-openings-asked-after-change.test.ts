import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// "also whats the earliest u have tmrw for a trim?" after a cancel: a look for openings is a
// request of its own, never the last request (the cancel) again (issue 14, set 19).

describe('openings asked with "also" are a new request', () => {
  it.each([
    'also whats the earliest u have tmrw for a trim?',
    'also what do u have friday for a cut',
    'and any openings sat for a color?',
    'oh and whats the soonest for a trim',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.continues).toBeUndefined();
    expect(u.intent).toBe('book');
  });

  it.each(['and the color on monday too', 'also my friday one', 'same for the haircut on the 10th'])('%s: still the last request again', (text) => {
    expect(understand(text, ctxOnDec1()).continues).toBe(true);
  });
});

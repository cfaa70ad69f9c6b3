import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { partyOf } from '../../../src/conversation/understanding/party.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Several people booked in one text, the customer among them: how many, and at the same time
// or one after the other. Each is then booked in turn (providers/offline/provider.ts), never read as
// a booking for someone else alone, a booking of theirs, or a time placed by one already had.

describe('several people in one text', () => {
  it.each([
    ['my wife and i both want colors on the 9th at 11', 2, true],
    ['can you fit me + my daughter in for trims sat at 10, same time', 2, true],
    ['haircuts for me and my 3 kids friday at 2 one after another', 4, false],
    ['me & my husband need a cut back to back tmrw starting at 1', 2, false],
    ['me and my son want cuts tuesday at 3 together', 2, true],
    ['can we both get trims on the 12th at 11, us both at once', 2, true],
    ['myself and my two girls need cuts, consecutive, on dec 19 at 10', 3, false],
  ])('%j: %i people, together %s', (text, size, together) => {
    expect(understand(text, ctxOnDec1())).toMatchObject({ intent: 'book', party: { size, together } });
  });

  it('the time said is the first person’s, with no shift or booking next to it', () => {
    const u = understand('me and my daughter need cuts friday at 4, at the same time', ctxOnDec1());
    expect(u.shift).toBeUndefined();
    expect(u.nextTo).toBeUndefined();
    expect(u.othersBooking).toBeUndefined();
    expect(u.when?.exactTime).toBe(true);
  });

  it.each([
    'my son needs a cut friday at 2',
    'can my son get a cut at the same time as me on thursday?',
    'me and my kids need cuts friday',
    'cancel mine and my sons cuts on friday',
  ])('%j is no party of counted people to book', (text) => {
    expect(understand(text, ctxOnDec1()).party).toBeUndefined();
  });

  it('a plural said without a number counts no one', () => {
    expect(partyOf('me and my kids')).toBeUndefined();
    expect(partyOf('me and my 2 kids')).toEqual({ size: 3, together: true });
  });
});

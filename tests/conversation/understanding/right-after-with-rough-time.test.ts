import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { ctxOnDec1 as ctx } from './fixtures.ts';

// "oh and a trim right after, like 11:30?": a close placement with a rough time beside it is
// still next to the booking just made, also once an opener ("oh and") is read past.

const isService = (w: string) => /\b(trim|cut|color|massage)\b/.test(w);

describe('right after, with a rough time', () => {
  it.each(['a massage right after like 2', 'add a cut straight after around 3:30', 'a trim just after maybe 1'])('%s', (text) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'end', minutes: 0 });
  });

  it('after an opener the placement stays', () => {
    const u = understand('oh and could i add a massage right after, around 2?', ctx());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-massage');
    expect(u.nextTo?.edge).toBe('end');
  });

  it('"right after like that" names no time and no booking', () => {
    expect(nextToBooking('right after like that one', isService)).toBeUndefined();
  });
});

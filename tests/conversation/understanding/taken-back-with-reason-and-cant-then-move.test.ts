import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// A request taken back with only a reason after it ("nah forget it, not ready to go blonde
// yet"), and a can't-come followed by a move, which is one move of that booking.

describe('taken back, then only why', () => {
  it.each(['nah forget it, not ready to go blonde yet lol', 'never mind, too pricey for me rn', 'ok nevermind, my husband says no', 'forget it, my budget says no to the color lol'])(
    '%s',
    (text) => {
      const u = understand(text, ctxOnDec1('confirmation'));
      expect(u.intent).toBe('decline');
      expect(u.abandons).toBe(true);
      expect(u.serviceId).toBeUndefined();
    },
  );

  it.each(['forget it, just a cut then', 'nvm, can i do 3 instead'])('a request after the take-back is no reason: %s', (text) => {
    expect(understand(text, ctxOnDec1('confirmation')).serviceId ?? understand(text, ctxOnDec1('confirmation')).when).toBeDefined();
  });
});

describe("can't come, then the move", () => {
  it.each(['cant come, R to next week same time', "can't make it, move me to next week same time", 'not gonna make it, reschedule me to the same time next week'])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.days).toBe(7);
    expect(u.then).toBeUndefined();
  });

  it("the day the can't names is the booking moved", () => {
    const u = understand('wont make my cut on thursday, can we push it to friday at 3', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-03');
    expect(localNY(u.when?.from)).toBe('2026-12-04 15:00');
  });

  it('a cancel said outright stays a request of its own', () => {
    const u = understand('cancel thursday, and move my cut to friday', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.then).toBeDefined();
  });
});

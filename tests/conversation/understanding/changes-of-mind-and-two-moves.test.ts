import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f14c: changes of mind and two changes in one text (set 12's u074, ...).

describe('a cancel refused for a move', () => {
  it.each([
    ["no wait don't cancel it, move it to thursday at 3 instead", '2026-12-03 15:00'],
    ['hmm dont cancel, can u reschedule it to the 14th at 10', '2026-12-14 10:00'],
    ['do not cancel pls, just push it to fri at 1', '2026-12-04 13:00'],
  ])('%j is a move of the same booking, the cancel refused', (text, at) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).toBe('reschedule');
    expect(u.answer).toBe('no');
    expect(localNY(u.when?.from)).toBe(at);
  });

  it('a refusal with no new request stays a no', () => {
    const u = understand("actually no dont cancel, i'll be there", ctxOnDec1('confirmation'));
    expect(u.intent).not.toBe('reschedule');
    expect(u.intent).not.toBe('cancel');
  });
});

describe('a booking named by its weekday, switched to a time', () => {
  it.each([
    ['could i change thursday to 2pm', '2026-12-03', '14:00'],
    ['switch fri to 10am pls', '2026-12-04', '10:00'],
    ['can we shift weds to 4:30', '2026-12-02', '16:30'],
  ])('%j moves that day to the time', (text, day, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(day);
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
    expect(u.when?.dayNamed).toBe(false);
  });

  it('a switch to a person names no booking', () => {
    expect(understand('can i switch to will', ctxOnDec1()).apptWhen).toBeUndefined();
  });
});

describe('two moves in one text', () => {
  it.each([
    ['pls move my trim on the 9th to 3 and my colour on the 11th to 10am', 'svc-cut', '2026-12-09', 'move my colour on the 11th to 10am'],
    ['good evening! can u reschedule the color on friday to mon the 7th at 1, and the haircut on the 10th to 4', 'svc-color', '2026-12-04', 'move the haircut on the 10th to 4'],
  ])('%j: the first now, the second once it is moved', (text, service, day, then) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe(service);
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(day);
    expect(u.then).toBe(then);
  });

  it('one move to two days is no second request', () => {
    expect(understand('move my cut to friday at 2', ctxOnDec1()).then).toBeUndefined();
  });
});

describe('a part of the day said as a greeting', () => {
  it('names no time of the request after it', () => {
    const u = understand('afternoon! could u move my color on the 15th to 9am', ctxOnDec1());
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-15');
    expect(localNY(u.when?.from)?.slice(11)).toBe('09:00');
  });

  it('said alone, or as an answer, is a time of day', () => {
    expect(understand('morning works', ctxOnDec1('time')).when).toBeDefined();
  });
});

describe('a booking kept between two changes', () => {
  it.each([
    ['cancel friday, keep my color, then move sat the 12th to sat the 19th same time', 'move sat the 12th to sat the 19th same time'],
    ['cancel the 8th but leave thursday and reschedule the 10th to the 11th at 2', 'reschedule the 10th to the 11th at 2'],
  ])('%j asks nothing of the kept one', (text, then) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.then).toBe(then);
  });
});

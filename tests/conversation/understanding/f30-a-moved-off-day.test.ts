import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 30a (set 29's yd043): "is there anything on the 16th for my color? need to move it off
// the 11th" took the 11th for the new day and offered it. The day a booking is moved off (or
// away from) is the booking's own, wherever it is said; the other day is where it goes.

const read = (text: string) => understand(text, ctxOnDec1(null));
const days = (text: string) => {
  const u = read(text);
  return { intent: u.intent, booking: localNY(u.apptWhen?.from)?.slice(0, 10), target: localNY(u.when?.from)?.slice(0, 10) };
};

describe('the day moved off names the booking', () => {
  it.each([
    ['is there anything on the 16th for my color? need to move it off the 11th', '2026-12-11', '2026-12-16'],
    ['need to move my cut off thursday, friday would be better', '2026-12-03', '2026-12-04'],
    ['can we move the color off the 9th? the 10th works', '2026-12-09', '2026-12-10'],
    ['anything on friday for my cut? i need to move it off wednesday', '2026-12-02', '2026-12-04'],
    ['is there anything on the 16th for my color? need to move it away from the 11th', '2026-12-11', '2026-12-16'],
  ])('%s', (text, booking, target) => {
    expect(days(text)).toEqual({ intent: 'reschedule', booking, target });
  });
});

describe('near misses', () => {
  it('"from thursday to friday" keeps its order', () =>
    expect(days('move my haircut from thursday to friday')).toEqual({ intent: 'reschedule', booking: '2026-12-03', target: '2026-12-04' }));
  it('"coming from work" after a move names no booking', () =>
    expect(days('move my color to the 10th, im coming from work')).toEqual({ intent: 'reschedule', booking: undefined, target: '2026-12-10' }));
  it('"off" with no move verb before it is a day free, not a booking', () => expect(read('im off the 9th, anything for a cut?').apptWhen).toBeUndefined());
});

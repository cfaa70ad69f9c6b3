import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { movedToProposed } from '../../../src/conversation/providers/offline/move-to-proposed.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Fixer 30a (set 29's yd075): at the summary of a new color on the 15th at 10, "hmm actually i
// already have one on the 8th, can u just move that one to the 15th instead of booking another"
// searched the whole 15th. A move of a booking the customer has, said at a new booking's summary
// with no new time or only the proposed day, goes to the time just proposed.

const PROPOSED = '2026-12-15T10:00';
const moved = (text: string) => {
  const u = movedToProposed(understand(text, ctxOnDec1('confirmation')), PROPOSED, NY);
  return { intent: u.intent, booking: localNY(u.apptWhen?.from)?.slice(0, 10), to: localNY(u.when?.from), exact: u.when?.exactTime };
};

describe('the booking had moved to the time proposed', () => {
  it.each([
    'hmm actually i already have one on the 8th, can u just move that one to the 15th instead of booking another',
    'actually can you just move my one on the 8th to the 15th instead',
    'wait i have a color on the 8th already, just move it to the 15th',
    'oh actually move my appt on the 8th to the 15th instead',
    'can you move my dec 8 one to the 15th instead of a new one',
  ])('%s', (text) => expect(moved(text)).toEqual({ intent: 'reschedule', booking: '2026-12-08', to: '2026-12-15 10:00', exact: true }));
});

describe('near misses keep the time said', () => {
  it('another day than the proposed one', () => expect(moved('actually move my one on the 8th to the 16th instead').to).toBe('2026-12-16 00:00'));
  it('a clock time said', () => expect(moved('actually move my one on the 8th to the 15th at 2 instead').to).toBe('2026-12-15 14:00'));
  it('no booking named: no move of one had', () => expect(movedToProposed({ intent: 'book' }, PROPOSED, NY)).toEqual({ intent: 'book' }));
  it('nothing proposed', () => {
    const u = understand('actually move my one on the 8th to the 15th instead', ctxOnDec1('confirmation'));
    expect(movedToProposed(u, undefined, NY)).toBe(u);
  });
});

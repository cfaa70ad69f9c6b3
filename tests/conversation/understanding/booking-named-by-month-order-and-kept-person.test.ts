import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Which booking a cancel or move means, named by its month alone ("the january one"), by
// "whichever ... is sooner", by the person not kept ("ill just see dana"), or corrected at
// the cancel's summary ("no wait, the 5th not the 3rd").

describe('a booking named by its month alone', () => {
  it.each([
    ['cancel my february appt', '2027-02-01', '2027-03-01'],
    ['pls cancel the january one', '2027-01-01', '2027-02-01'],
    ['scrap my cut in march', '2027-03-01', '2027-04-01'],
  ])('%s: the whole month', (text, from, to) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(from);
    expect(localNY(u.when?.to)?.slice(0, 10)).toBe(to);
  });

  it('a move names the month booking and the new date', () => {
    const u = understand('reschedule the december one to the 20th at 3', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-01');
    expect(localNY(u.when?.from)).toBe('2026-12-20 15:00');
  });

  it.each(['cancel my jan 5 appt', 'cancel the 5th of january'])('a month with its day is a date: %s', (text) => {
    expect(localNY(understand(text, ctxOnDec1()).when?.from)?.slice(0, 10)).toBe('2027-01-05');
  });

  it('"may i" names no month', () => {
    expect(understand('may i cancel my cut', ctxOnDec1()).when).toBeUndefined();
  });
});

describe('whichever is sooner or later', () => {
  it.each([
    ['cancel whichever one comes first', 0],
    ['cancel whichever of my appts is sooner', 0],
    ['can u cancel whichever of my 2 bookings is later', -1],
  ])('%s', (text, order) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.order).toBe(order);
  });
});

describe('the person kept names the one canceled by the other', () => {
  it.each(["cancel the one with will, i'll stick with dana", 'can u cancel the one with will? ill just see dana on the 8th', 'drop my appt with will, ill go with dana'])(
    '%s',
    (text) => {
      const u = understand(text, ctxOnDec1());
      expect(u.intent).toBe('cancel');
      expect(u.staffId).toBe('st-will');
      expect(u.when).toBeUndefined();
    },
  );
});

describe('which booking, corrected at the summary', () => {
  it.each([
    ['no wait, the 5th not the 3rd', '2026-12-05'],
    ['wait no not the 3rd, the 5th', '2026-12-05'],
    ['sorry, friday not thursday', '2026-12-04'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.meantOther).toBe(true);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('names the service meant, not the one ruled out', () => {
    const u = understand('oops no, the color not the haircut', ctxOnDec1('confirmation'));
    expect(u.meantOther).toBe(true);
    expect(u.serviceId).toBe('svc-color');
  });
});

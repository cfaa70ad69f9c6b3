import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withDaysByNumber } from '../../../src/conversation/understanding/days-by-number.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 25g: moves said amid noise or after a reminder's "R": a new time closed by "instead" before
// more words, a pair of bare days of the month, "same time" typed short, a hedge before the hour.

const read = (text: string) => understand(text, ctxOnDec1());

describe('what closes with "instead" is the time asked, not the booking', () => {
  it.each([
    ['R - could we do the week of the 14th instead, any afternoon after 2?', '2026-12-14 14:00'],
    ['reschedule - could we do dec 14 instead, any afternoon after 2?', '2026-12-14 14:00'],
    ['R - can i come tuesday instead, any time after 3', '2026-12-08 15:00'],
    ['can we move it, maybe friday instead? after 1 ideally', '2026-12-04 13:00'],
  ])('%s', (text, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(start);
    expect(u.apptWhen).toBeUndefined();
  });

  it.each([
    ['can i move my friday cut to monday instead, after 2', '2026-12-04 00:00', '2026-12-07 14:00'],
    ['move my fri appt, could we do monday instead?', '2026-12-04 00:00', '2026-12-07 00:00'],
  ])('%s: the booking said before still named', (text, booking, start) => {
    const u = read(text);
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(start);
  });
});

describe('"from the 15 to the 16": bare numbers after "the" are days', () => {
  it.each([
    ['can i pls push my hiarcut from the 15 to the 16 same time thx', '2026-12-15 00:00', '2026-12-16 00:00'],
    ['switch my color from the 3 to the 10', '2026-12-03 00:00', '2026-12-10 00:00'],
    ['move my cut from the 21 to the 22nd', '2026-12-21 00:00', '2026-12-22 00:00'],
    ['could you move my appt from the 9th to the 11 please', '2026-12-09 00:00', '2026-12-11 00:00'],
  ])('%s', (text, booking, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it.each([
    'move it from 3 to 4',
    'move it from the 3 to the 4pm',
    'the 3 to the 4:30 please',
    'from the 2 to the 3 o clock',
    'i need 2 to 3 cuts',
  ])('%s: hours or counts stay as said', (text) => expect(withDaysByNumber(text)).toBe(text));
});

describe('"same tim": time typed short after "same"', () => {
  it.each(['can i moev my colour to tues the 8th same tim', 'move it to fri same tym', 'tues the 8th, same tme'])('%s', (text) => {
    expect(read(text).shift?.sameTime).toBe(true);
  });
  it('a "tim" alone is a name, not a time', () => expect(read('can tim do my cut').shift).toBeUndefined());
});

describe('a hedge between a clock cue and the hour', () => {
  it.each([
    ['i have to work sat, can i come monday instead at like 10', '2026-12-07 10:00'],
    ['cut tmrw around like 3', '2026-12-02 15:00'],
    ['can i come at maybe 4:30 friday', '2026-12-04 16:30'],
    ['trim thursday around like 11', '2026-12-03 11:00'],
  ])('%s', (text, start) => expect(localNY(read(text).when?.from)).toBe(start));

  it.each(['i like the 10th better', 'what would you like at 3', 'maybe friday'])('%s: no hedge to drop', (text) => {
    const u = read(text);
    expect(u.intent).not.toBe('unknown');
  });
});

describe('"i booked the wrong week, the 24th not the 17th": the day after "not" is the booking', () => {
  it.each([
    ['ok this is embarrassing but i booked the wrong week lol, i meant thurs the 24th not the 17th. same 9am', '2026-12-17 00:00', '2026-12-24 09:00'],
    ['i booked the wrong day, should be friday not thursday', '2026-12-03 00:00', '2026-12-04 00:00'],
    ['oops we booked the wrong date - dec 12 not dec 5', '2026-12-05 00:00', '2026-12-12 00:00'],
    ['ugh i picked the wrong day, the 10th not the 9th', '2026-12-09 00:00', '2026-12-10 00:00'],
  ])('%s', (text, booking, start) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it.each(['i meant thurs the 24th not the 17th', 'the 5th not the 3rd', 'friday at 3 not thurs'])('%s: no booking said wrong, no booking named', (text) => {
    expect(read(text).apptWhen).toBeUndefined();
  });
});

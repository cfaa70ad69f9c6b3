import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28t (set 27's zy139, zy127): a day said relative to another date the customer names
// ("the day before", "2 days after"), and a day of the month said beside the week it is in.

const read = (text: string, expecting: 'confirmation' | null = null) => understand(text, ctxOnDec1(expecting));

describe('a day counted from the date of an event said before it', () => {
  it.each([
    ['so my cousins wedding is on the 12th and i need to look decent lol, can i get a haircut the day before at 5pm? thx', '2026-12-11 17:00'],
    ['my flight is dec 20 so a cut 2 days before at 11am', '2026-12-18 11:00'],
    ['party on saturday the 19th, can i get a color the day before around 3', '2026-12-18 15:00'],
    ['i have a job interview friday so i want a trim the day before at 2', '2026-12-03 14:00'],
    ['recital is the 10th, could i get a cut the day after at noon', '2026-12-11 12:00'],
  ])('%s', (text, at) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(localNY(u.when?.from)).toBe(at);
  });
  it('a count said with its date stays as said', () => {
    expect(localNY(read('cut 2 days before dec 12 at 5pm').when?.from)).toBe('2026-12-10 17:00');
    expect(localNY(read('cut the day after tomorrow at 3').when?.from)).toBe('2026-12-03 15:00');
  });
  it('the day before a booking named is a move, counted from it', () => {
    const u = read('for my sat the 12th appt, can i do the day before instead? same time');
    expect(u.shift?.days).toBe(-1);
  });
  it('the day before my color places the new one by the booking', () => {
    expect(read('can i get a cut the day before my color too').nextTo).toBeDefined();
  });
});

describe('a day of the month beside the week it falls in', () => {
  it.each([
    ['no wait is that this friday? i meant next week, the 11th', '2026-12-11'],
    ['cut next week, the 11th', '2026-12-11'],
    ['cut the 9th next week', '2026-12-09'],
    ['color next week on the 10th at 2', '2026-12-10'],
  ])('%s', (text, day) => expect(localNY(read(text, 'confirmation').when?.from)?.slice(0, 10)).toBe(day));
  it('a number outside the week leaves the week', () => {
    const u = read('cut next week the 20th');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
  });
  it('next week alone is the week', () => expect(localNY(read('cut next week').when?.to)?.slice(0, 10)).toBe('2026-12-14'));
});

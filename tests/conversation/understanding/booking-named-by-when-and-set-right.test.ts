import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { arrowAsMove, withoutAsItIsNow } from '../../../src/conversation/understanding/moves.ts';
import { pointsAtOne, setsRight } from '../../../src/conversation/understanding/which-booking.ts';
import { normalize, splitCorrection } from '../../../src/conversation/understanding/text.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// Set 15 (fixer c): which booking a change means when it is named by when it is ("the
// afternoon one", "my 4pm fri", "the dec 17 one", "fridays"), moves said without a move verb
// ("3pm -> 4pm", "from 2 to 3:30", "bump ... up to 1", "can the 12th be 3pm"), a correction
// inside one text, "same time as now", and a cancel switched to the other booking.

const hour = (d: Date | undefined) => local(d)?.slice(11, 16);
const day = (d: Date | undefined) => local(d)?.slice(0, 10);

describe('a booking named by when it is, then its new time', () => {
  it.each([
    ['could the 12/18 one be 11am instead', '2026-12-18', '11:00'],
    ['can the one on the 9th be at 3 instead?', '2026-12-09', '15:00'],
    ['would my thursday trim be ok at 1 instead', '2026-12-03', '13:00'],
    ['could my 4pm on fri be 2 instead', '2026-12-04', '14:00'],
    ['can my 10 tmrw be 12 instead', '2026-12-02', '12:00'],
  ])('%s', (text, booking, newHour) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(day(u.apptWhen?.from)).toBe(booking);
    expect(hour(u.when?.from)).toBe(newHour);
  });

  it('a part of the day names the booking, the date after it is the new time', () => {
    const u = understand('could u shift the evening appt to mon the 14th at 11', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.apptWhen?.dayNamed).toBe(false);
    expect(hour(u.apptWhen?.from)).toBe('17:00');
    expect(local(u.when?.from)).toBe('2026-12-14 11:00');
  });

  it.each([
    ['can you bump my 2pm wed up to 11', '2026-12-02 14:00', '11:00'],
    ['switch my 10am wed to 1', '2026-12-02 10:00', '13:00'],
    ['thurs 10am -> 12:30 please', '2026-12-03 10:00', '12:30'],
    ['could we change from fri 4pm to 2', '2026-12-04 16:00', '14:00'],
  ])('%s: the day and clock time before the new one name the booking', (text, booking, newHour) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe(booking);
    expect(u.apptWhen?.exactTime).toBe(true);
    expect(hour(u.when?.from)).toBe(newHour);
  });

  it.each([
    ['wednesday, could you make it 4 instead', '2026-12-02', '16:00'],
    ['the 15th can we move it to noon', '2026-12-15', '12:00'],
  ])('%s: a day said before "make/move it" is the booking "it" means', (text, booking, newHour) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(day(u.apptWhen?.from)).toBe(booking);
    expect(hour(u.when?.from)).toBe(newHour);
  });

  it.each(['can i get a trim friday, can you make it 2pm', 'thursday can i make it at 3', 'can my 2 boys come at 4 instead', 'cut friday at 2 actually make it 3'])('%s names no booking had', (text) => {
    expect(understand(text, ctx()).apptWhen).toBeUndefined();
  });

  it('"book thurs 3pm to 4pm" is still a window for a new booking', () => {
    const u = understand('book me thurs 3pm to 4pm', ctx());
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
  });

  it.each([
    ['move the late one to friday', -1],
    ['can the early one be at 9 instead', 0],
  ])('%s: "early" and "late" order the bookings', (text, order) => {
    expect(understand(text, ctx()).order).toBe(order);
  });
});

describe('a weekday said in the plural names the booking on it', () => {
  it.each(['thursdays is the one i cant make, cancel pls', 'gotta drop saturdays'])('%s', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.when?.description).toMatch(/thu|sat/);
  });

  it.each([['drop fri the 11th', '2026-12-11'], ['pls scrap tmrw', '2026-12-02']])('%s: "drop" with a day cancels it', (text, booking) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(day(u.when?.from)).toBe(booking);
  });
});

describe('arrows and corrections', () => {
  it.each([
    ['3pm → 5pm', 'move 3pm to 5pm'],
    ['my cut fri => sat', 'move my cut fri to sat'],
    ['can u move it 2 -> 4', 'can u move it 2 to 4'],
  ])('%s', (text, read) => {
    expect(arrowAsMove(normalize(text))).toBe(read);
  });

  it.each([
    ['at 3 wait no 4 sorry', 'no 4 sorry'],
    ['friday at 2 actually no, 3', '3'],
  ])('%s: the last correction wins, a closing "sorry" corrects nothing', (text, after) => {
    expect(splitCorrection(text)?.after.replace(/^no /, '')).toBe(after.replace(/^no /, ''));
  });

  it('a move whose new hour is corrected in the same text takes the last one', () => {
    const u = understand('move my wed cut to thurs at 1 wait no 2 sorry', ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.when?.from)).toBe('2026-12-03 14:00');
  });
});

describe('same time as it is now', () => {
  it.each(['same time as now', 'same time as it is', 'same hour as i have it currently'])('"%s" keeps the time and dates nothing', (said) => {
    expect(withoutAsItIsNow(`friday ${said}`)).toMatch(/^friday same (time|hour) instead$/);
  });

  it('a day with "same time as it is now" moves the booking to that day at its time', () => {
    const u = understand('could we do the 16th, same time as it is now?', ctx());
    expect(u.intent).toBe('reschedule');
    expect(day(u.when?.from)).toBe('2026-12-16');
    expect(u.shift?.sameTime).toBe(true);
  });

  it('"same time as my cut" still places a new booking', () => {
    expect(withoutAsItIsNow('a color same time as my cut')).toBe('a color same time as my cut');
  });
});

describe('a cancel switched to the other booking, and a change set right', () => {
  it.each([
    ['nope leave the color, cancel the cut', 'svc-cut'],
    ['wait keep my haircut and cancel the dye instead', 'svc-color'],
  ])('%s', (text, serviceId) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe(serviceId);
  });

  it('"no, keep it" alone is still a keep', () => {
    expect(understand('no keep it', ctx('confirmation')).intent).toBe('decline');
  });

  it.each(['i meant saturday', 'wrong day, should be the 9th', 'thursday at 2 not friday', 'oops supposed to be 4 not 3'])('"%s" sets a change right', (text) => {
    expect(setsRight(text)).toBe(true);
  });

  it.each(['saturday works', 'can i do the 9th'])('"%s" sets nothing right', (text) => {
    expect(setsRight(text)).toBe(false);
  });

  it.each(['the dec 11 one', 'that appt on friday', 'the thursday one pls'])('"%s" points at one booking', (text) => {
    expect(pointsAtOne(text)).toBe(true);
  });

  it('an ordinal the date was read from is no option with nothing on screen', () => {
    const u = understand('can i do tues instead, the 8th', ctx());
    expect(u.choiceIndex).toBeUndefined();
    expect(day(u.when?.from)).toBe('2026-12-08');
  });
});

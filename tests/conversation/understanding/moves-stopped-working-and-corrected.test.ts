import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// Moves (held-out set 15): a booked day that stopped working followed by the time wanted
// instead, a shift whose amount is corrected, and "same time" after a corrected date.

const local = localNY;

describe('a booked day that stopped working, then a new time', () => {
  it.each([
    ['friday doesnt work anymore, monday afternoon would be better', '2026-12-04 00:00', '2026-12-07'],
    ['saturday is a no-go now.. tuesday the 8th after 2?', '2026-12-05 00:00', '2026-12-08'],
    ['thurs no longer works for me. next wed morning is good', '2026-12-03 00:00', '2026-12-09'],
    ["the 10th won't work after all - the 11th at 3?", '2026-12-10 00:00', '2026-12-11'],
  ])('%s: moves the booking on that day', (text, booked, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe(booked);
    expect(local(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('a day that never worked is no move: "friday doesnt work for me, monday?"', () => {
    expect(understand('friday doesnt work for me, monday?', ctx()).apptWhen).toBeUndefined();
  });
});

describe('a shift corrected in the same text', () => {
  it.each([
    ['bump my color on the 9th back 30 min, actually make it 45 mins', 45],
    ['push it an hour later.. no wait 2', 120],
    ['bring my cut forward an hour, sorry i mean 90 min', -90],
    ['move my appt at 3 up half an hour, no, make that an hour', -60],
  ])('%s: %i minutes', (text, minutes) => {
    expect(parseShift(text.toLowerCase())?.minutes).toBe(minutes);
    expect(understand(text, ctx()).intent).toBe('reschedule');
  });

  it('the booking is named by its date: "push my appt on the 4th back an hour"', () => {
    const u = understand('push my appt on the 4th back an hour', ctx());
    expect(u.shift?.minutes).toBe(60);
    expect(local(u.apptWhen?.from)).toBe('2026-12-04 00:00');
  });
});

describe('"same time" after a corrected date', () => {
  it.each([
    ['change my color to the 8th at 11, oops i meant the 9th, same time', '2026-12-09 11:00'],
    ['move me to fri at 4 wait no sat same time', '2026-12-05 16:00'],
  ])('%s: keeps the time just said', (text, target) => {
    const u = understand(text, ctx());
    expect(u.shift?.sameTime ?? false).toBe(false);
    expect(local(u.when?.from)).toBe(target);
  });

  it('"move my 2pm to friday same time" still keeps the booking\'s time', () => {
    expect(understand('move my 2pm to friday same time', ctx()).shift?.sameTime).toBe(true);
  });
});

describe('a move with a question whether a service is done', () => {
  it.each([
    ['can u push my appt on the 9th back an hour? also do you guys do balayage'],
    ['move my friday one to saturday same time, and do you offer highlights?'],
  ])('%s: the move keeps no asked service, the question is asked', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.also?.intent).toBe('business_info');
  });
});

describe('another week, same day and time', () => {
  it.each([['move fridays haircut to the week after next, same day & time'], ['bump tmrws cut to next week same day and time']])('%s', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.sameTime).toBe(true);
  });
});

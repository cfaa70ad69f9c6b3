import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { resolveWhen } from '../../../src/conversation/understanding/when.ts';
import { ctxOnDec1 as ctx, at, localNY as local, NY } from './fixtures.ts';

// f21-v (set 21's zn039, zn041, zn043, zn045, zn046, zn047, zn020, zn081; set 20's zl033, zl039,
// zl084, zl094): a booking moved to a window without a move verb ("can i come earlier, like fri
// after 5", "any earlier slots than fri? like tomorrow morning", "can't do tmrw anymore, what's open
// thurs after 5"), a question for openings before the move ("got anything between 12 and 2 on
// friday? want to move my tues cut"), "would the 9th be ok" read as a date of this year, a cancel
// let go of with "nvm", "while ur at it", and "the 10th is the one i cant make".

describe('coming earlier or later, to a window', () => {
  it.each([
    ['can i come earlier, like fri the 11th after 5?', '2026-12-11 17:00'],
    ['could i do my color earlier, wed the 9th in the morning?', '2026-12-09 00:00'],
    ['could i come in a bit later? thursday afternoon maybe', '2026-12-03 12:00'],
    ['could i get in sooner? monday morning', '2026-12-07 00:00'],
    ['need a diff time for my cut, anything after 4 on friday?', '2026-12-04 16:00'],
    ['i need a different time for my color, next tuesday afternoon', '2026-12-08 12:00'],
  ])('%s: a change of the booking, at that window', (text, from) => {
    const u = understand(text, ctx());
    expect(u.intent === 'reschedule' || u.changesBooked).toBe(true);
    expect(local(u.when?.from)).toBe(from);
  });

  it.each([
    'can i get a cut later this week, thursday afternoon?',
    'book me a color, earlier in the week is better, tuesday afternoon',
    'i need a new time for my son, friday after 3',
    'ill text u later, haircut friday morning pls',
  ])('%s: no change of a booking', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).not.toBe('reschedule');
    expect(u.changesBooked).toBeFalsy();
  });
});

describe('earlier than the booking', () => {
  it.each([
    ['any earlier slots than fri? like tomorrow morning', '2026-12-04', '2026-12-02 00:00'],
    ['anything sooner than my thursday one? monday afternoon maybe', '2026-12-03', '2026-12-07 12:00'],
    ['got any times earlier than the 10th? the 8th would be great', '2026-12-10', '2026-12-08 00:00'],
  ])('%s: the booking is what the time beats, the rest the new time', (text, booked, from) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe(booked);
    expect(local(u.when?.from)).toBe(from);
  });

  it('a time later than a clock time alone is only a window', () => {
    const u = understand('anything later than 3 on friday?', ctx());
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
    expect(local(u.when?.from)).toBe('2026-12-04 15:00');
  });
});

describe('a question for openings next to a day that cannot be kept', () => {
  it.each([
    ["can't do tmrw anymore, what's open thurs evening after 5", '2026-12-02', '2026-12-03 17:00'],
    ['cant make friday, what do u have monday morning', '2026-12-04', '2026-12-07 00:00'],
    ["can't come thursday, got anything saturday?", '2026-12-03', '2026-12-05 00:00'],
  ])('%s: the day not kept is the booking, the day asked the new time', (text, booked, from) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe(booked);
    expect(local(u.when?.from)).toBe(from);
  });
});

describe('a question for openings before the move', () => {
  it.each([
    ['got anything between 12 and 2 on friday the 4th? want to move my tues cut', '2026-12-04 12:00'],
    ['have u got anything thursday after 3? need to move my color', '2026-12-03 15:00'],
  ])('%s: the window asked is the new time, not the booking', (text, from) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.when?.from)).toBe(from);
    expect(local(u.apptWhen?.from)).not.toBe(from);
  });

  it('a day asked for its openings after a move by a week lists that day', () => {
    const u = understand('need to move my sat cut a week. what do you have saturday the 12th?', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift).toBeUndefined();
    expect(local(u.when?.from)).toBe('2026-12-12 00:00');
    expect(local(u.when?.to)).toBe('2026-12-13 00:00');
  });

  it('a move by a week alone keeps its shift', () => {
    const u = understand('push my friday cut a week pls', ctx());
    expect(u.shift?.days).toBe(7);
  });
});

describe('"be" after a day is a verb, not an era', () => {
  const now = at('2026-12-01T09:00', NY);
  it.each([
    ['would the 9th be ok', '2026-12-09 00:00'],
    ['dec 9 be good?', '2026-12-09 00:00'],
    ['can my color on the 9th be later that day? like 2:30', '2026-12-09 14:30'],
    ['could the 10th be my color day', '2026-12-10 00:00'],
  ])('%s', (text, from) => {
    expect(local(resolveWhen(text, now, NY)?.range.from)).toBe(from);
  });
});

describe('a cancel let go of', () => {
  it.each(['hi was gonna cancel sat but nvm lol, see u then!', 'was going to cancel my cut but never mind, all good', 'i was about to cancel friday but jk ill be there'])(
    '%s: nothing is canceled',
    (text) => {
      expect(understand(text, ctx()).intent).not.toBe('cancel');
    },
  );

  it('a cancel said outright is still one', () => {
    expect(understand('nvm just cancel my sat cut', ctx()).intent).toBe('cancel');
  });
});

describe('"while ur at it" is an aside', () => {
  it.each(['and move my friday cut to 4 while ur at it', 'move my friday cut to 4 while youre at it'])('%s: the move keeps its new time', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-04');
    expect(local(u.when?.from)?.slice(11)).toBe('16:00');
  });
});

describe('another booking said as the one meant', () => {
  it.each([
    ['wait no, the 10th is the one i cant make. keep the 3rd', '2026-12-10'],
    ['no sorry, its the 10th i cant make', '2026-12-10'],
    ['no friday is the one', '2026-12-04'],
  ])('%s', (text, day) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.meantOther).toBe(true);
    expect(u.abandons).toBeFalsy();
    expect(local(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it.each(['my color is the one i love', 'this is the one'])('%s: no other booking meant', (text) => {
    expect(understand(text, ctx('confirmation')).meantOther).toBeFalsy();
  });

  it('"i cant make." with its closing dot is no rebooking later', () => {
    expect(understand('the 10th is the one i cant make.', ctx()).abandons).toBeFalsy();
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f24-b (set 22's zp018-zp082, set 23's zr016-zr080): moves of a booking said in ways the
// reader missed: the booking as "mine" or by its day's name, a verb's -ing form, the booking's
// day, date and time before "to", how far it moves beside the date it goes to, a weekday said on
// that weekday, "monday is not gonna work.", the person naming the booking before "can it be",
// parking given as the reason, "tmrws", openings asked after "actually", "instead of 9:30 that day".

const read = (text: string, expecting: UnderstandContext['expecting'] = null) =>
  understand(text, { ...ctxOnDec1(expecting), staff: [{ id: 'st-dana', name: 'Dana' }, { id: 'st-lee', name: 'Lee' }] });

describe('a move said with the booking as "mine", by its day, or with -ing', () => {
  it.each([
    'can i change mine to 6pm fri? work runs late',
    'switch mine to sat pls',
    'could u bump mine to thursday',
    'can tomorrows appt go to friday',
    'could thursdays one go to monday',
    'can tmrw appt be moved to 4',
    'pushing my appt to next week',
    'bumping my cut back a week',
    'move fri the 11th 4pm to sat 12/12 at 1',
    'move tmrw 3pm to friday at 10',
    'move dec 11 at 4 pm to the 12th at 1',
  ])('%j is a move', (text) => {
    expect(read(text).intent).toBe('reschedule');
  });

  it.each(['tomorrow i go to work, can i get a cut at 6', 'can i book a cut friday, mine is getting long', 'can my son get a cut tomorrow'])('%j is no move', (text) => {
    expect(read(text).intent).not.toBe('reschedule');
  });

  it('the booking said by day, date and time before "to" is the one moved; the rest is its new time', () => {
    const u = read('move fri the 11th 4pm to sat 12/12 at 1');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-11 16:00');
    expect(localNY(u.when?.from)).toBe('2026-12-12 13:00');
  });
});

describe('how far a booking moves, beside the date it goes to', () => {
  it.each([
    ['need to bump my color a week, thurs the 17th at 9:30am would be ideal', '2026-12-17 09:30'],
    ['pushing my appt a week, do you have tuesday dec 15 after 4?', '2026-12-15 16:00'],
    ['push it a week to 12/16 at 3', '2026-12-16 15:00'],
    ['move my appt a week, to thurs the 17th at 2', '2026-12-17 14:00'],
  ])('%j goes to the date said', (text, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(at);
    expect(u.shift).toBeUndefined();
    expect(u.apptWhen).toBeUndefined();
  });

  it.each([
    ['move my friday appt a week', 7],
    ['push my appt 2 weeks', 14],
    ['bumping my cut back a week', 7],
  ])('%j with no date moves it by the days', (text, days) => {
    expect(read(text).shift?.days).toBe(days);
  });
});

describe("a weekday said on that weekday names the booking, today's or one to come", () => {
  it('"move my tuesday appt to wed dec 9 at 11", said on a Tuesday, may name next Tuesday\'s booking', () => {
    const u = read('move my tuesday appt to wed dec 9 at 11 pls');
    expect(u.apptWhen?.weekdayOnly).toBe(true);
    expect(localNY(u.when?.from)).toBe('2026-12-09 11:00');
  });

  it.each(['move my dec 1 appt to fri at 11', 'move my appt today to fri at 11'])('%j names that very day', (text) => {
    expect(read(text).apptWhen?.weekdayOnly).toBeFalsy();
  });
});

describe('a day that will not work, then the time asked in its place', () => {
  it.each([
    ['monday is not gonna work. anything after 5 on wed the 16th?', '2026-12-07', '2026-12-16 17:00'],
    ['tmrw wont work for me, what about fri at 2', '2026-12-02', '2026-12-04 14:00'],
    ['friday isnt going to work so can i do monday at 10', '2026-12-04', '2026-12-07 10:00'],
  ])('%j moves the booking of that day', (text, day, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(day);
    expect(localNY(u.when?.from)).toBe(at);
  });

  it.each(['that wont work, anything friday?', 'monday is not gonna work for my cut', 'friday doesnt work for me, monday?'])('%j names no booking by a day', (text) => {
    expect(read(text).apptWhen).toBeUndefined();
  });
});

describe('the person naming the booking, then "can it be"', () => {
  it.each(['my appt with dana, can it be 2pm instead? same day', 'my appt with lee, could it be 3 instead'])('%j moves the booking with that person', (text) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.staffNamesBooking).toBe(true);
    expect(u.also).toBeUndefined();
  });

  it('a question about the booking is still answered beside the move', () => {
    const u = read('when is my appt with dana? can it be 2pm instead');
    expect(u.intent).toBe('reschedule');
    expect(u.also?.intent).toBe('my_appointments');
  });
});

describe('parking given as why a time suits', () => {
  it.each(['wait can we do 3:30 instead, better for parking', 'can we do 11 instead bc of parking', 'can i come at 4, parking is easier then'])('%j asks no address', (text) => {
    expect(read(text, 'confirmation').infoTopic).toBeUndefined();
  });

  it.each(['is there parking', 'where do i park', 'any parking nearby?', 'parking?'])('%j asks where', (text) => {
    expect(read(text).infoTopic).toBe('address');
  });
});

describe("tomorrow's, typed short", () => {
  it.each(['tmrws', "tmrw's one", 'the tmrws one pls'])('%j is tomorrow', (text) => {
    expect(localNY(read(text, 'choice').when?.from)).toBe('2026-12-02 00:00');
  });

  it.each(['toms', 'terms'])('%j is not', (text) => {
    expect(read(text, 'choice').when).toBeUndefined();
  });
});

describe('openings asked after "actually"', () => {
  it.each(['hmm actually do u have anything sat after 2', 'actually any openings monday?', 'wait what do you have thursday'])('%j goes on with what was asked', (text) => {
    const u = read(text, 'choice');
    expect(u.intent).toBe('book');
    expect(u.abandons).toBeUndefined();
  });

  it.each(['actually can i book a color sat', 'actually i want a color monday'])('%j starts a request of its own', (text) => {
    expect(read(text, 'choice').abandons).toBe(true);
  });
});

describe('"instead of" a time, "that day"', () => {
  it.each([
    ['ok, can it be at 10 instead of 9:30 that day?', '10:00', '09:30'],
    ['could i come at 2 instead of 11 that same day', '14:00', '11:00'],
  ])('%j keeps the new time whole', (text, at, was) => {
    const u = read(text, 'service');
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)?.slice(11)).toBe(at);
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.apptWhen?.from)?.slice(11)).toBe(was);
  });
});

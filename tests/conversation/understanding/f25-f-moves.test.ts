import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// Moves of a booking (set 24 as tuning): a lateness beside the time moved to, a move set
// against a cancel, a day shift beside a date, a booked time called too early, openings asked
// earlier than the booking, a day something came up on, and a month named in a booking question.

describe('a wait or lateness is no shift: the time after "to" is the move', () => {
  it.each([
    ["hey lee, it's gonna be 30+ min before i get there. can you push me to 5:30 today?", '2026-12-01 17:30'],
    ['it\'ll be an hour before we get there, can u move me to 6pm', '2026-12-01 18:00'],
    ['gonna be 20 mins before im there, push me to 4:45?', '2026-12-01 16:45'],
    ['running 20 min late, can we move it to 6?', '2026-12-01 18:00'],
    ['stuck in traffic, like 25 min behind. push me back to 4?', '2026-12-01 16:00'],
  ])('%s', (text, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift).toBeUndefined();
    expect(u.apptWhen).toBeUndefined();
    expect(local(u.when?.from)).toBe(target);
  });

  it.each([
    ['can you move it 30 min before', -30],
    ['30 min earlier please', -30],
    ['can i come an hour before instead', -60],
    ['push it back 45 min', 45],
  ])('a shift still: %s', (text, minutes) => {
    expect(parseShift(text)?.minutes).toBe(minutes);
  });

  it('"30 min before i get there" alone moves nothing', () => {
    expect(parseShift("it'll be 30 min before i get there")).toBeUndefined();
  });
});

describe('a move set against a cancel', () => {
  it.each([
    ['sorry meant to say reschedule not cancel!! fri 10am?', '2026-12-04 10:00'],
    ['oops i want to move it, not cancel it. friday at 10?', '2026-12-04 10:00'],
    ['reschedule instead of cancelling please, fri 10am', '2026-12-04 10:00'],
    ['move it not cancel, to sat at 2', '2026-12-05 14:00'],
  ])('%s: the cancel refused, the move asked', (text, target) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.intent).toBe('reschedule');
    expect(u.answer).toBe('no');
    expect(local(u.when?.from)).toBe(target);
  });

  it('"I meant Reschedule, not cancel": a move with no time yet', () => {
    const u = understand('I meant Reschedule, not cancel', ctx('confirmation'));
    expect(u.intent).toBe('reschedule');
    expect(u.when).toBeUndefined();
  });

  it('"cancel it, not reschedule" is no move', () => {
    expect(understand('cancel it, not reschedule', ctx('confirmation')).intent).not.toBe('reschedule');
  });
});

describe('a day shift beside a date said by its number', () => {
  it('"the day before instead, fri the 18th, sometime before 10am" is the 18th before 10', () => {
    const u = understand('could we make it the day before instead, fri the 18th, sometime before 10am?', ctx());
    expect(u.shift).toBeUndefined();
    expect(local(u.when?.from)).toBe('2026-12-18 00:00');
    expect(local(u.when?.to)).toBe('2026-12-18 10:00');
  });

  it('"can we do the day before, the 17th at 2?" is the 17th at 2', () => {
    expect(local(understand('can we do the day before, the 17th at 2?', ctx()).when?.from)).toBe('2026-12-17 14:00');
  });

  it('"the day before the 18th" is still the 17th', () => {
    expect(local(understand('the day before the 18th', ctx()).when?.from)).toBe('2026-12-17 00:00');
  });

  it('"move it to the day before" stays a shift', () => {
    expect(understand('move it to the day before', ctx()).shift?.days).toBe(-1);
  });
});

describe('a booked time called too early or too late names the booking', () => {
  it.each([
    ['9 is too early for me on thurs after all, anything between 12 and 2?', '2026-12-01 12:00'],
    ['thursday at 9 is too early now, could we do after 12', '2026-12-01 12:00'],
    ['my 3pm is too late for me friday, anything in the morning?', '2026-12-01 00:00'],
    ['3pm on sat is way too late for me. can i come at 11 instead', '2026-12-01 11:00'],
  ])('%s', (text, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.apptWhen).toBeDefined();
    expect(local(u.when?.from)).toBe(target);
  });

  it.each(['is 9 too early?', '9 is too early for me', 'is it too late to cancel?'])('%s: nothing moved', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).not.toBe('reschedule');
  });

  it('to offers on screen, the time too early is no booking', () => {
    expect(understand('10am is too early, what about 11', ctx('choice')).apptWhen).toBeUndefined();
  });
});

describe('openings asked earlier or later than the booking', () => {
  it.each(['is there anything earlier on saturday? morning if poss', 'any later spots friday?', 'got anything sooner on the 10th'])('%s: changes the booked time', (text) => {
    const u = understand(text, ctx());
    expect(u.changesBooked).toBe(true);
  });

  it.each(['do you have anything later this week', 'can i book a cut, anything earlier on sat?'])('%s: no change of a booking', (text) => {
    expect(understand(text, ctx()).changesBooked).toBeUndefined();
  });

  it('with offers on screen, "anything earlier on sat" asks about them', () => {
    expect(understand('anything earlier on sat?', ctx('choice')).changesBooked).toBeUndefined();
  });
});

describe('a day something came up on is the booking', () => {
  it.each([
    ['something came up tmrw, can we do thursday same time instead', '2026-12-02 00:00', '2026-12-03 00:00'],
    ["something's come up on friday, could i do saturday at 2 instead", '2026-12-04 00:00', '2026-12-05 14:00'],
  ])('%s', (text, booked, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe(booked);
    expect(local(u.when?.from)).toBe(target);
  });
});

describe('a month named in a question about a booking is all of it', () => {
  it.each([
    ['did my january booking go through?', '2027-01-01 00:00', '2027-02-01 00:00'],
    ['did the december one go through?', '2026-12-01 00:00', '2027-01-01 00:00'],
  ])('%s', (text, from, to) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('my_appointments');
    expect(local(u.when?.from)).toBe(from);
    expect(local(u.when?.to)).toBe(to);
  });

  it('"is my friday appt confirmed" asks about it', () => {
    expect(understand('is my friday appt confirmed', ctx()).intent).toBe('my_appointments');
  });

  it('"the december one, can that be 11am instead" names all of december', () => {
    const u = understand('the december one, can that be 11am instead', ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.to)).toBe('2027-01-01 00:00');
  });
});

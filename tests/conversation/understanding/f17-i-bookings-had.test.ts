import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { cancelNotDone } from '../../../src/conversation/understanding/cancel-not-done.ts';
import { ctxOnDec1 } from './fixtures.ts';

const read = (text: string) => understand(text, ctxOnDec1());
const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);

describe('a booking taken off the books is a cancel', () => {
  it.each([
    ['strike my friday 3pm color off the schedule pls', '2026-12-04'],
    ['could you wipe the jan 5 trim off your calendar', '2027-01-05'],
    ['take our thursday appt off the books, moving away', '2026-12-03'],
  ])('%j cancels the one on that day', (text, on) => {
    const u = read(text);
    expect(u.intent).toBe('cancel');
    expect(day(u.when?.from)).toBe(on);
  });

  it('"take a look at the books" cancels nothing', () => {
    expect(read('can you take a look at the books for friday').intent).not.toBe('cancel');
  });
});

describe('"shift" and "needs it moved" move a booking', () => {
  it.each(['pls shift the trim to 11am', 'shift it to saturday at noon', 'he needs it moved to the 9th', 'we want that moved to 2pm'])('%j moves', (text) => {
    expect(read(text).intent).toBe('reschedule');
  });

  it('"i need to shift things around at work" moves nothing', () => {
    expect(read('i need to shift some things around at work').intent).not.toBe('reschedule');
  });
});

describe('a cancel thought of and taken back in the same text', () => {
  it.each([
    'was thinking of canceling tmrw but nah, could i come 30 min later',
    'i almost cancelled my cut on the 8th but id rather push it an hour',
    "we were gonna call it off friday but actually can we do 2 hours earlier",
  ])('%j moves the booking the cancel named', (text) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.minutes).not.toBe(0);
  });

  it('names the booking by what the cancel said', () => {
    const u = read('i was about to cancel my color but actually could it be 1pm instead');
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe('svc-color');
  });

  it.each([
    'i was going to cancel my friday on the app but it keeps crashing, can u do it',
    "i was gonna cancel sat, is that ok",
    'cancel sat please',
  ])('%j still cancels', (text) => {
    expect(read(text).intent).toBe('cancel');
  });

  it('taken back with nothing else asked keeps the booking', () => {
    const u = read('i was gonna cancel thursday but nah, see you then');
    expect(u.intent).toBe('decline');
    expect(u.answer).toBe('no');
  });

  it('is said as a refused cancel of the booking named', () => {
    expect(cancelNotDone('Was gonna drop my color on the 9th but nah, can I come later that day')).toBe("don't cancel my color on the 9th, can i come later that day");
    expect(cancelNotDone('cancel my color on the 9th')).toBe('cancel my color on the 9th');
  });
});

describe('a booking had, said to be for someone else, then changed', () => {
  it.each([
    'the trim on friday is for my son, he needs it moved to 4pm',
    'my 10am on the 9th was really for my daughter, can we push it an hour',
  ])('%j moves that booking, no new one', (text) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.forSomeoneElse).toBeFalsy();
  });

  it('"the cut is for my son" beside a new request books for him', () => {
    const u = read('can i get a cut sat at 11? the cut is for my son');
    expect(u.intent).toBe('book');
    expect(u.forSomeoneElse).toBe(true);
  });
});

describe('the rules of a change asked by name', () => {
  it.each([
    'what is your policy for cancelling on the day',
    'whats the deal with no shows',
    'what are ur rescheduling rules? mine is tmrw',
    'hi what are the terms if i need to change last minute',
  ])('%j asks the policy', (text) => {
    const u = read(text);
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
  });
});

describe('a policy question beside a time said in place of the booking', () => {
  it('moves the booking the question named, the policy answered beside it', () => {
    const u = read('can i still move my friday appt for free? i would prefer saturday at 11 instead');
    expect(u.intent).toBe('reschedule');
    expect(day(u.apptWhen?.from)).toBe('2026-12-04');
    expect(day(u.when?.from)).toBe('2026-12-05');
    expect(u.also?.infoTopic).toBe('policies');
  });

  it('beside another question, the time stays a change for the bookings to settle', () => {
    expect(read('whats your address? can we do fri at 10 instead').intent).toBe('business_info');
  });
});

describe('which service was booked, asked back', () => {
  it.each(['did we book the trim or the color', 'what did i book for next week', 'was it a cut or a color, i forget', 'did i book a consultation?'])(
    '%j lists the bookings',
    (text) => {
      expect(read(text).intent).toBe('my_appointments');
    },
  );

  it.each(['can i book a color', 'book me a cut or a color, whichever is free friday'])('%j books', (text) => {
    expect(read(text).intent).toBe('book');
  });
});

// Replies to a reminder and messages from a customer running late: the one-letter replies
// with words after them, a cancel with a promise to come back, "can't make <time>, can we
// do <time>", "push my <time> to <time>", "my X is still on for <day>", and an
// acknowledgment taken back ("see you then! oh wait ..."). Other wordings than the dialogs.
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { spellCommandLetter } from '../../../src/conversation/understanding/text.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

describe("the reminder's one-letter replies with more words", () => {
  it.each([
    ['c, won\'t be able to come', 'cancel'],
    ['C - work thing came up', 'cancel'],
    ['c thanks', 'cancel'],
    ['R. maybe thursday?', 'reschedule'],
    ['r please, next week sometime', 'reschedule'],
  ])('%j is read as the command (%s)', (text, intent) => {
    expect(understand(text, ctxOnDec1()).intent).toBe(intent);
  });

  it('keeps the time said after the letter as the new one', () => {
    const u = understand('R, friday after 2 if you can', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe('2026-12-04 14:00');
  });

  it.each(['r u open saturday', 'c u tmrw!', 'r.lee@example.org', 'c.d@mail.com', 'r'])('%j is no spelled command', (text) => {
    expect(spellCommandLetter(text)).toBe(text);
  });
});

describe('a cancel said with a promise to come back later', () => {
  it.each([
    "pls cancel thursday's haircut, i'll call back when i know my shifts",
    "can't make it friday after all, cancel it please, will text you later to rebook",
  ])('%j cancels', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('cancel');
  });

  it('a put-off alone still leaves for now', () => {
    expect(understand("i'll text back later when i know", ctxOnDec1()).intent).toBe('decline');
  });
});

describe("can't make one time, another asked in its place", () => {
  it("names the booking by the can't-make, the new time by the request", () => {
    const u = understand("sorry can't do wednesday at 11 anymore, could we do thursday at 3?", ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-02 11:00');
    expect(localNY(u.when?.from)).toBe('2026-12-03 15:00');
  });

  it('reads a bare number after "make" as the booking\'s time', () => {
    const u = understand("bus is running behind so i won't make 10:30 on friday, how about 11?", ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-04 10:30');
    expect(u.when?.exactTime).toBe(true);
    expect(u.when?.dayNamed).toBe(false);
  });

  it('leaves offers on screen to the pick', () => {
    expect(understand("i can't make 2, can we do 3?", ctxOnDec1('choice')).intent).not.toBe('reschedule');
  });
});

describe('a move from one clock time to another', () => {
  it.each([
    ['stuck in a meeting wednesday and might run over, can we move my 2pm to 3pm?', '2026-12-02 14:00', '15:00'],
    ['could you change it from 10am to 11:30am on friday', undefined, '11:30'],
  ])('%j moves the booking at the first time to the second', (text, appt, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    if (appt) expect(localNY(u.apptWhen?.from)).toBe(appt);
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
  });

  it('is no length of an hour', () => {
    expect(readLengthAndSize('can we push my 4pm to 5pm').durationMinutes).toBeUndefined();
    expect(readLengthAndSize('book me 2-3pm friday').durationMinutes).toBe(60);
  });
});

describe('a booking checked as "my X is still on"', () => {
  it.each(["quick q, my haircut's still on for tomorrow?", 'just making sure my cut is still happening saturday', 'our appointment is still good for the 9th right'])(
    '%j lists the appointments',
    (text) => {
      expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
    },
  );
});

describe('an acknowledgment taken back', () => {
  it('reads what follows "actually" as the message', () => {
    // The hour after "instead of" names the booking moved (the one at 3).
    const u = understand('confirmed, thanks! actually could we do 4 instead of 3?', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(11)).toBe('15:00');
    expect(localNY(u.when?.from)?.slice(11)).toBe('16:00');
  });

  it('a question after it is answered', () => {
    expect(understand("see you then. wait, what's the address again?", ctxOnDec1()).infoTopic).toBe('address');
  });
});

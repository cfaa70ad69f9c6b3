import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// Family bookings: twins said without "my", times listed after a day and a comma, others
// placed right after the customer (one after the other), "my son needs one too", a booking
// had asked for the family, a service the customer will be in the middle of, and a service each.

describe('others booked in a row or at their own times', () => {
  it('"twins" alone are two, each at the time said', () => {
    const u = understand('twins need cuts too 😅 sat dec 12, one at 2pm and one at 2:30', ctx());
    expect(u.party).toEqual({ size: 2, together: false, times: ['2:30'] });
    expect(local(u.when?.from)).toBe('2026-12-12 14:00');
  });

  it.each([
    ['also want to book my two kids haircuts sat the 19th, 11 and 11:30', '2026-12-19 11:00', '11:30'],
    ['my kids need cuts tomorrow, 3 and 3:30', '2026-12-02 15:00', '3:30'],
  ])('%s: times after a comma', (text, first, next) => {
    const u = understand(text, ctx());
    expect(local(u.when?.from)).toBe(first);
    expect(u.party?.times).toEqual([next]);
  });

  it('placed right after the customer, they go one after the other', () => {
    const u = understand('my 2 kids need trims too, can they go right after me on the 14th', ctx());
    expect(u.party).toEqual({ size: 2, together: false });
  });

  it.each(['my twin sister needs a cut sat at 2', 'me and my son cuts friday at 2'])('%s: as before', (text) => {
    const u = understand(text, ctx());
    expect(u.party?.together ?? true).toBe(true);
    expect(u.party?.size ?? 1).toBeLessThanOrEqual(2);
  });
});

describe('one more of the booking just made, for someone else', () => {
  it.each([
    'oh and my son needs one too, 11:30 same day?',
    'can my daughter get one too at 3',
    'book one for my wife as well',
  ])('%s: the same service again', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.sameAsBefore).toBe(true);
    expect(u.serviceId).toBeUndefined();
  });

  it.each(['can my wife get one of the 3pm ones', 'my son needs a cut too'])('%s: not the booking again', (text) => {
    expect(understand(text, ctx()).sameAsBefore).toBeUndefined();
  });
});

describe('the family asks what it has booked', () => {
  it.each([
    'what times are me and my son booked for? the 17th right?',
    'when is my daughter scheduled',
    'what time are we booked for tmrw',
  ])('%s: their appointments', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  it('"what times are open" asks for something else', () => {
    expect(understand('what times are open tmrw', ctx()).intent).not.toBe('my_appointments');
  });
});

describe('a service the customer will be in the middle of', () => {
  it.each([
    'can u book my boyfriend a cut with will thurs at 10:30 while im getting color',
    'could my gf get a trim fri at 1:30 while i\'m having my dye done',
  ])('%s: the other service is booked', (text) => {
    expect(understand(text, ctx()).serviceId).toBe('svc-cut');
  });
});

describe('a service for each person', () => {
  it('the customer first, then the other person their own', () => {
    const u = understand('book me and my bf for fri the 11th at 1 — color for me, cut for him', ctx());
    expect(u.serviceId).toBe('svc-color');
    expect(u.party?.services).toEqual(['svc-cut']);
  });

  it('one service for both stays one', () => {
    const u = understand('me and my son both need cuts thurs at 2', ctx());
    expect(u.party?.services).toBeUndefined();
  });
});

describe('who does a family member\'s booking, and a switch of that person', () => {
  it.each(["who is my son's cut with on friday?", 'whos my daughters appt with'])('%s: the bookings had', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  it.each(['can u switch him to dana, same time', 'switch her over to dana pls'])('%s: a move to that person', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.sameTime).toBe(true);
  });

  it('booking him with someone too is a new booking', () => {
    expect(understand('can u book him with dana too', ctx()).intent).toBe('book');
  });
});

describe('a family member\'s booking named by its person', () => {
  it.each(["can u move my son's appt thurs? hes the one with dana. 4:30 same day pls", 'move my daughters cut friday, shes the one w dana, to 3'])('%s', (text) => {
    expect(understand(text, ctx()).staffNamesBooking).toBe(true);
  });

  it('a person asked for the new time names no booking', () => {
    expect(understand('move my cut to friday with dana', ctx()).staffNamesBooking).toBeUndefined();
  });
});

describe('others placed after a booking but said at once', () => {
  it.each([
    'can u book my 2 kids for cuts right after my color on the 10th? both at 11:30 if possible, one with dana and one with will',
    'both my boys need cuts right after me friday, at the same time pls',
  ])('%s: together', (text) => {
    expect(understand(text, ctx()).party?.together).toBe(true);
  });
});

describe('the other one of the family, right after one was booked', () => {
  it('"my other son" at a time alone: the same again, that day', () => {
    const u = understand('and could my other son come at 3?', ctx());
    expect(u.intent).toBe('book');
    expect(u.sameAsBefore).toBe(true);
    expect(u.thatDay).toBe(true);
  });

  it('with a service of its own, that service', () => {
    const u = understand('my other daughter needs a manicure at 4', ctx());
    expect(u.serviceId).toBe('svc-mani');
    expect(u.sameAsBefore).toBeUndefined();
  });
});

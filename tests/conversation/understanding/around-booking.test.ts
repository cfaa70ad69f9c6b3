import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { aboutOthersBooking, changesBookedTime, WHATS_BOOKED } from '../../../src/conversation/understanding/around-booking.ts';
import { ctx } from './fixtures.ts';

// Around a booking the customer already has (issue 14): a time said as a change, questions
// about what is booked, another person's appointment, and a question asked beside a request.

describe('a new time said as a change of what is booked', () => {
  it.each([
    'can we do friday at 11 instead',
    'can i switch to 2pm same day?',
    'can i come in earlier tomorrow? like 11',
    'oh actually can we make that 4:30',
    'could we make it thurs 3 instead pls',
    'rather do monday at 10',
  ])('%s: a booking that may change one already made', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.changesBooked).toBe(true);
  });

  it.each([
    'haircut friday at 11',
    'can i book another one friday at 11 instead',
    'also book my son friday at 2 instead',
    'anything later?',
    'can i come in later this week',
  ])('%s: a new booking, never a change', (text) => {
    expect(understand(text, ctx()).changesBooked).toBeUndefined();
  });

  it('earlier or later counts only with a time said', () => {
    expect(changesBookedTime('can i come earlier', { any: false, exact: false })).toBe(false);
    expect(changesBookedTime('anything earlier on friday', { any: true, exact: false })).toBe(false);
    expect(changesBookedTime('can i come earlier, like 11', { any: true, exact: true })).toBe(true);
  });

  // f21-v (set 21's zn043, zn045): the customer coming earlier or later is a comparison with
  // their booking, so a window said with it changes it too (with nothing booked, the provider books).
  it('coming earlier or later counts with a window too', () => {
    expect(changesBookedTime('can i come earlier on friday', { any: true, exact: false })).toBe(true);
    expect(changesBookedTime('can i come in later this week', { any: true, exact: false })).toBe(false);
  });
});

describe('what is booked, asked in words the general patterns miss', () => {
  it.each([
    'what do i have this week',
    'what have i got on friday',
    'who am i seeing on thursday?',
    'who am i booked with tmrw',
    "who's doing my cut",
    'wait what time did i book again?',
    'what time was i booked for',
    'when am i in',
    'remind me what time',
  ])('%s: the customer\'s appointments', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  it.each(['what do i have to bring', 'who does color', 'what time do you open'])('%s: not a question about bookings', (text) => {
    expect(WHATS_BOOKED.test(text)).toBe(false);
  });

  it('a day said with the question is kept, so the list can be of that day', () => {
    const u = understand('what do i have on friday', ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.when).toBeDefined();
  });
});

describe('another person\'s appointment', () => {
  it.each([
    "cancel my wife's color",
    'im texting for my husband, can you move his appointment',
    'she has a haircut friday, can you cancel it for her',
    'my sons cut on thursday needs to move',
  ])('%s: about someone else', (text) => {
    expect(aboutOthersBooking(text.toLowerCase())).toBe(true);
  });

  it.each(['cancel my color', 'move my haircut to friday', 'when is my appointment'])('%s: the sender\'s own', (text) => {
    expect(aboutOthersBooking(text)).toBe(false);
  });
});

describe('a question asked beside a request', () => {
  it('a move and the address: the move is read without the question\'s words', () => {
    const u = understand('can i move my haircut to friday 2pm, and whats your address again?', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.also).toMatchObject({ intent: 'business_info', infoTopic: 'address' });
  });

  it('a cancel names its own service; the question names the other', () => {
    const u = understand('cancel my dye and tell me when my haircut is', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-color');
    expect(u.also).toMatchObject({ intent: 'my_appointments', serviceId: 'svc-cut' });
  });

  it('what is booked and a price', () => {
    const u = understand('do i have anything on thursday? and how much is a manicure', ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.also).toMatchObject({ intent: 'business_info', asksServices: true, serviceId: 'svc-mani' });
  });

  it.each(['cancel my 3pm and book 4pm instead', 'cancel my haircut and my manicure', 'move my thursday appt to friday at 10'])('%s: one request, no question beside it', (text) => {
    expect(understand(text, ctx()).also).toBeUndefined();
  });
});

describe('two bookings in one text', () => {
  // The second placed by the first ("right after") has a time of its own: its words are queued, read once the first is booked.
  it('book a dye friday at 9 and a haircut right after: the first now, the second proposed after it', () => {
    expect(understand('book a dye friday at 9 and a haircut right after', ctx())).toMatchObject({ intent: 'book', serviceId: 'svc-color', then: 'book a haircut right after' });
  });

  it.each([
    ['a trim and a manicure tomorrow at 2', 'svc-cut', 'svc-mani'],
  ])('%s: the first service now, the second after it', (text, first, second) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(first);
    expect(u.secondServiceId).toBe(second);
  });

  it.each(['a haircut, not a manicure', 'haircut or manicure friday', 'cancel my haircut and book a manicure instead'])('%s: one booking', (text) => {
    expect(understand(text, ctx()).secondServiceId).toBeUndefined();
  });
});

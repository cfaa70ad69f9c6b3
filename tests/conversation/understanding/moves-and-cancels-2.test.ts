import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { NY, at, ctx } from './fixtures.ts';

// Cancels and moves read by their grammar (issue 14): a booking picked by its place in time,
// cancels said as "take me off" or "won't be coming", clauses that keep a booking, moves
// whose object is a bare word, and relative moves said backwards.

describe('a booking picked by its place in time', () => {
  it.each([
    ['drop my soonest appointment please', 0],
    ['could you cancel the earlier one', 0],
    ['cancel the last one of them', -1],
    ['scrap the 3rd booking', 2],
    ['cancel no. 2 thanks', 1],
  ])('%s', (text, order) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.order).toBe(order);
  });

  it('a move says it too', () => {
    expect(understand('reschedule my first appointment to monday', ctx()).order).toBe(0);
  });

  it('"next week" is no order', () => {
    expect(understand('cancel my appointment next week', ctx()).order).toBeUndefined();
  });
});

describe('cancels said without "cancel"', () => {
  it.each(['please take me off for friday', "we won't be coming on monday after all", 'i wont be needing the dye job anymore'])('%s', (text) => {
    expect(understand(text, ctx()).intent).toBe('cancel');
  });
});

describe('clauses that keep a booking', () => {
  it('"keeping" names the kept service', () => {
    expect(understand('please cancel the dye, keeping the haircut', ctx()).serviceId).toBe('svc-color');
  });

  it('days named after the cancel verb, the kept one and the chatter before it left out', () => {
    const u = understand('oops made too many, i only need the friday one. cancel thursday and saturday', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => t.when?.from.toISOString())).toEqual([at('2026-10-29T00:00', NY).toISOString(), at('2026-10-31T00:00', NY).toISOString()]);
  });
});

describe('moves', () => {
  it.each(['move haircut to the 3rd at noon', 'can we move mine to sunday', 'id like to move to thursday', 'change my friday appt to 4pm'])('%s: a move', (text) => {
    expect(understand(text, ctx()).intent).toBe('reschedule');
  });

  it('"need to move" is no new time: the date after "to" is', () => {
    const u = understand('i need to move the dye on the 5th to the 12th', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.apptWhen?.from.toISOString()).toBe(at('2026-11-05T00:00', NY).toISOString());
    expect(u.when?.from.toISOString()).toBe(at('2026-11-12T00:00', NY).toISOString());
  });

  it('"move friday to 3pm": the day right after the verb is the appointment\'s', () => {
    const u = understand('could i move friday to 3pm', ctx());
    expect(u.apptWhen?.from.toISOString()).toBe(at('2026-10-30T00:00', NY).toISOString());
    expect(u.when?.exactTime).toBe(true);
  });

  it.each([
    ['can i come two weeks earlier, same time', { days: -14 }],
    ['bump mine back 30 minutes', { minutes: 30 }],
  ])('%s', (text, shift) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift).toMatchObject(shift);
  });
});

describe('contact questions beside a move', () => {
  it.each(["what's the shop email", 'whats a good phone # for you', 'is there a number to text'])('%s', (text) => {
    expect(understand(text, ctx()).infoTopic).toBe('contact');
  });
});

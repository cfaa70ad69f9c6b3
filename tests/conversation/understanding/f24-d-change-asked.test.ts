import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx } from './fixtures.ts';

// A change of a booking asked before saying which one or to when: a move (the customer is
// asked which booking and its new time), never a new booking.

describe('a change of a booking, not yet said which or to when', () => {
  it.each([
    'can i change an appointment',
    'i want to change my appt',
    'i need to change a booking',
    'need to change one of my appointments pls',
    'i wanna switch one of my appts around',
    'is it possible to change an appt?',
    'hi, i need to modify my reservation',
    'change appointment',
  ])('%s: a move', (text) => {
    expect(understand(text, ctx()).intent).toBe('reschedule');
  });

  it.each([
    ['need to move one of my cuts', 'svc-cut'],
    ['can i change my cut', 'svc-cut'],
    ['need to swap my massage pls', 'svc-massage'],
  ])('%s: a move of that service', (text, service) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe(service);
  });

  it.each([
    ['i need to book an appointment', 'book'],
    ['change of plans, can i book a cut friday', 'book'],
    ['can i change my hair color', 'book'],
    ['can i make an appointment for a massage', 'book'],
  ])('%s: %s', (text, intent) => {
    expect(understand(text, ctx()).intent).toBe(intent);
  });

  it('a rules question about a change stays a question', () => {
    expect(understand('what is your policy to change an appointment', ctx()).intent).toBe('business_info');
  });
});

describe('"change my ..." of no service', () => {
  it.each(['i booked a cut but can i change my mind', 'can i change my number pls'])('%s: no move', (text) => {
    expect(understand(text, ctx()).intent).not.toBe('reschedule');
  });
});

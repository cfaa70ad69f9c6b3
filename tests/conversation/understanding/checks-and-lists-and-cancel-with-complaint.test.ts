import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Replies about what is booked: "still on?" with no day (to a reminder), "send me a list of
// everything im booked for"; and a cancel said outright beside a complaint that asks nothing.

describe('a check of the booking with no day said', () => {
  it.each(['still on?', 'we still on?', 'is it still on', 'hey still good for today?'])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });
});

describe('every booking asked for', () => {
  it.each(['can u send me a list of everything im booked for', 'what is everything we have scheduled', 'send me all i have booked pls'])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });
});

describe('a cancel beside a complaint', () => {
  it.each(['cancel my fri cut, not happy w how i was treated last time', 'cancel my next appt, the stylist was so rude last time'])('is a cancel: %s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('cancel');
  });

  it.each(['cancel my next appt, my last cut was butchered and i want my money back', 'cancel friday, she burned my scalp last time'])(
    'that asks a remedy goes to a person: %s',
    (text) => {
      expect(understand(text, ctxOnDec1()).intent).toBe('human');
    },
  );
});

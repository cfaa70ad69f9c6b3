import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Which booking a move or cancel means (set 10's q-02): the person it is with, said before
// the new time ("move my appt with will to 4"), and "that one" after a question that named
// one booking by its order ("when's my next appt?").

describe('a move names its booking by the person', () => {
  it.each(['reschedule my cut with will to friday at 2', 'can you move the one with dana to 3pm', 'reschedule the appointment with jose to monday at 10'])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.staffNamesBooking).toBe(true);
  });

  it.each(['move my cut to friday with will', 'reschedule my color to monday, dana if she is free'])('%s names who does the new time', (text) => {
    expect(understand(text, ctxOnDec1()).staffNamesBooking).toBeUndefined();
  });
});

describe('the one booking a question asked about', () => {
  it.each([
    ['what time is my next appointment', 0],
    ['when is my last appt', -1],
  ])('%s', (text, order) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(u.order).toBe(order);
  });

  it.each(['cancel that appointment please', 'please drop that one', 'can we move it'])('%s refers to it', (text) => {
    expect(understand(text, ctxOnDec1()).refersToShown).toBe(true);
  });

  it('a booking named otherwise is no reference', () => {
    expect(understand('cancel the color on friday', ctxOnDec1()).refersToShown).toBeUndefined();
  });
});

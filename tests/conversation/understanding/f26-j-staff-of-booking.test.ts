import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

const ctx = () => ctxOnDec1();

describe('whether the own booking is with a person is answered from the booking', () => {
  it.each([
    'is this w dana?',
    'is it with dana?',
    'is my appt w will',
    'am i with will on friday?',
    'is that with dana',
    'will it be dana doing it',
    'is dana doing my cut',
    'is my trim tmrw still w dana??',
    'r we with will sat',
    'will dana be doing my color',
  ])('%j asks about the booking', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.staffId).toBeDefined();
  });

  // Near-misses: a booking with that person, a change of person, the person's days, a summary on screen.
  it.each(['can i book w dana', 'can i get a cut w dana fri', 'can it be with dana instead'])('%j is no question about the booking', (text) => {
    expect(understand(text, ctx()).intent).not.toBe('my_appointments');
  });

  it('"is dana in friday" asks who works', () => {
    expect(understand('is dana in friday', ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'staff' });
  });

  it('"is this w dana?" at a summary is about the summary, not the bookings', () => {
    expect(understand('is this w dana?', ctxOnDec1('confirmation')).intent).not.toBe('my_appointments');
  });
});

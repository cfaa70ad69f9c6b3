import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { checksBooking } from '../../../src/conversation/understanding/checks-booking.ts';
import { ctxOnDec1 } from './fixtures.ts';

describe('checksBooking: a check or acknowledgement of a booking the customer has', () => {
  it.each([
    'confirmed',
    'i confirm thanks',
    'we will be there',
    'ill be there for sure',
    'see ya friday',
    'see u tomorrow',
    'thank you for the reminder',
    'we still good for fri',
    'are we still on for the 9th',
    'its friday yeah',
    "that's at 2 correct",
    'what day was it again',
    'what date and time is my trim',
    'wht time is my appt',
    'anything booked under my name',
    'what is scheduled for this number',
  ])('%j checks the booking', (text) => {
    expect(checksBooking(text, null)).toBe(true);
  });

  it.each(['book me friday at 2', 'can i get a haircut tomorrow', 'how much is color', 'is 3pm free on friday', 'thanks'])('%j is no check', (text) => {
    expect(checksBooking(text, null)).toBe(false);
  });

  it('leaves the words to the offers or summary on screen', () => {
    expect(checksBooking('its at 2 right', 'confirmation')).toBe(false);
    expect(checksBooking('see you then', 'choice')).toBe(false);
  });

  it.each(['we still good for fri?', 'I will be there! what time was it?', 'its the 9th right?', 'confirmed, thank u'])(
    '%j lists the appointments and books nothing',
    (text) => {
      expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
    },
  );

  it('thanks for the reminder with a new time said as a change is a move', () => {
    expect(understand('thank you for the reminder! could we do 11:30 instead', ctxOnDec1()).intent).not.toBe('my_appointments');
  });

  it('a check that also asks for a new booking is a booking', () => {
    expect(understand('see you friday, can i book my son a haircut too', ctxOnDec1()).intent).not.toBe('my_appointments');
  });
});

describe('a delay with no way said is later', () => {
  it.each([
    ['could you bump my appointment half an hour', 30],
    ['pls push my color 45 min, running behind', 45],
    ['can we delay it by an hour', 60],
  ])('%j moves the booking %i minutes later', (text, minutes) => {
    expect(understand(text, ctxOnDec1())).toMatchObject({ intent: 'reschedule', shift: { minutes, days: 0 } });
  });
});

// f11c: a worry that the booking is now or has gone by is a check of it, answered with its time.
describe('checksBooking: "was i supposed to be there?"', () => {
  it.each([
    'wait am i supposed to come in today??',
    'oh no were we meant to be there at 3',
    'did i miss my appt',
    'crap did we forget our haircut appointment',
  ])('%j checks the booking', (text) => {
    expect(checksBooking(text.replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim(), null)).toBe(true);
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it.each(['am i supposed to bring anything', 'did i miss a call from you'])('%j is no check of the booking', (text) => {
    expect(checksBooking(text, null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { intakeAside } from '../../../src/conversation/understanding/intake-aside.ts';

const answer = { intent: 'provide_info' as const, changes: false };

describe('intakeAside: a message that is no answer to the intake question', () => {
  it.each(['what time was that again?', 'wait what time was that again', 'sorry which day is it?', 'when is it?', 'what day did i pick?'])(
    '%j asks about the time being booked',
    (text) => {
      expect(intakeAside(text, answer)).toBe('asks_time_held');
    },
  );

  it.each(['actually make it friday', 'can we do 3pm instead', 'how about saturday'])('%j, naming another time, changes the request', (text) => {
    expect(intakeAside(text, { intent: 'provide_info', changes: true })).toBe('changes_request');
  });

  it.each(['can we do 11 instead', 'make it 3', 'how about 4?'])('%j, with a bare hour, changes the time', (text) => {
    expect(intakeAside(text, { intent: 'provide_info', changes: false, number: Number(/\d+/.exec(text)![0]) })).toBe('changes_request');
  });

  it('a number alone, or with more than an hour, stays the answer', () => {
    expect(intakeAside('11', { intent: 'provide_info', changes: false, number: 11 })).toBeUndefined();
    expect(intakeAside('about 14 instead of 12', { intent: 'provide_info', changes: false, number: 14 })).toBeUndefined();
  });

  it('a question about the business or the bookings is answered, not stored', () => {
    expect(intakeAside('where are you located?', { intent: 'business_info', changes: false })).toBe('question');
    expect(intakeAside('do i have anything else booked', { intent: 'my_appointments', changes: false })).toBe('question');
    // Typed without the apostrophe, after an opener.
    for (const text of ['btw whats your address', 'wheres the salon', 'oh hows parking there', 'quick question whos my stylist']) {
      expect(intakeAside(text, { intent: 'business_info', changes: false }), text).toBe('question');
    }
  });

  it.each(['yes', 'a friend', 'saw your location on google', 'jo@example.com', 'about 12 inches', 'friday works', 'first time'])(
    '%j may be the answer',
    (text) => {
      expect(intakeAside(text, answer)).toBeUndefined();
      expect(intakeAside(text, { intent: 'business_info', changes: false })).toBeUndefined();
    },
  );
});

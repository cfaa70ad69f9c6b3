import { describe, expect, it } from 'vitest';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { resolveWhen } from '../../../src/conversation/understanding/when.ts';

// How long and for how many, read out of a request before the date parser sees it.

describe('readLengthAndSize', () => {
  it.each([
    ['Dana 30m Friday morning', 30, 'dana friday morning'],
    ['1:1 for 45 mins next tue', 45, '1:1 next tue'],
    ['meeting room for 90 minutes tomorrow at 10', 90, 'meeting room tomorrow at 10'],
    ['book a room for an hour', 60, 'book a room'],
    ['room for half an hour', 30, 'room'],
    ['an hour and a half on friday', 90, 'on friday'],
    ['2 hours tomorrow', 120, 'tomorrow'],
    ['1.5 hours', 90, ''],
    ['1h30m tomorrow', 90, 'tomorrow'],
    ['2h', 120, ''],
  ])('%j lasts %i minutes', (text, minutes, rest) => {
    expect(readLengthAndSize(text)).toEqual({ text: rest, durationMinutes: minutes });
  });

  it.each([
    ['room for 6 tomorrow 2-3pm', { text: 'room tomorrow at 2:00pm', durationMinutes: 60, minCapacity: 6 }],
    ['tomorrow from 2pm to 3:30pm', { text: 'tomorrow at 2:00pm', durationMinutes: 90 }],
    ['friday 14:00-15:00', { text: 'friday at 2:00pm', durationMinutes: 60 }],
    ['11-12pm thursday', { text: 'at 11:00am thursday', durationMinutes: 60 }],
    ['9:30-10 am', { text: 'at 9:30am', durationMinutes: 30 }],
  ])('a clock range %j becomes its start and its length', (text, expected) => {
    expect(readLengthAndSize(text)).toEqual(expected);
  });

  it.each([
    ['room for 6', 6, 'room'],
    ['for 6 people', 6, ''],
    ['a room for six tomorrow', 6, 'a room tomorrow'],
    ['12 attendees', 12, ''],
    ['team of 4', 4, ''],
    ['with eight guests', 8, ''],
  ])('%j asks for room for %i', (text, people, rest) => {
    expect(readLengthAndSize(text)).toEqual({ text: rest, minCapacity: people });
  });

  it.each(['haircut next Tue', 'haircut in 30 minutes', 'within an hour', 'can i push it back an hour', '30 min earlier', 'push back 1 hr', 'an hour later', 'at 3pm', 'Dec 12-15', '2', 'option 3', 'yes', '10 am tomorrow', 'call me at 555-0100', 'ah ok then a cut', 'uh ah fine, trim wed', '', '🙂'])('leaves %j without a length or size', (text) => {
    const r = readLengthAndSize(text);
    expect(r.durationMinutes).toBeUndefined();
    expect(r.minCapacity).toBeUndefined();
  });

  it('refuses lengths beyond a day and absurd party sizes, but still removes them', () => {
    expect(readLengthAndSize('for 5000 minutes')).toEqual({ text: '' });
    expect(readLengthAndSize('for 5000 people')).toEqual({ text: '' });
  });

  it('leaves the day for the date parser: "Dana 30m Friday" is Friday, not 30 minutes from now', () => {
    const now = new Date('2026-12-01T14:00:00Z');
    const read = readLengthAndSize('Dana 30m Friday 10am');
    expect(resolveWhen(read.text, now, 'America/New_York')?.range.from.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    const range = readLengthAndSize('room for 6 tomorrow 2-3pm');
    expect(resolveWhen(range.text, now, 'America/New_York')?.range).toMatchObject({ from: new Date('2026-12-02T19:00:00Z'), exactTime: true });
  });

  it('is total on arbitrary input', () => {
    for (const text of ['x'.repeat(5000), '<script>', "'; DROP TABLE x; --", '-1 people', '0 minutes', null as unknown as string]) {
      expect(() => readLengthAndSize(text)).not.toThrow();
    }
  });
});

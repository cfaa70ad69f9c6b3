import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// A move said as the booking becoming another time ("can my 2pm on the 3rd become noon on
// the 4th"), and a time that can't be kept with another asked as "is 2pm ok?".

describe('a booking that becomes another time', () => {
  it.each([
    ['can my 2pm on the 3rd become noon on the 4th?', '2026-12-03 14:00', '2026-12-04 12:00'],
    ['could my thursday cut become friday at 10', '2026-12-03 00:00', '2026-12-04 10:00'],
    ['can the thursday one turn into friday at 2', '2026-12-03 00:00', '2026-12-04 14:00'],
  ])('%s', (text, appt, to) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(appt);
    expect(localNY(u.when?.from)).toBe(to);
  });
});

describe("a time that can't be kept, and another asked as 'is it ok'", () => {
  it.each([
    ['got ur reminder - cant do 1 anymore, is 2pm same day ok?', '14:00'],
    ['cant make 10 tmrw, is 11am ok?', '11:00'],
    ['cant do the 3pm on friday, would 4pm work', '16:00'],
  ])('%s', (text, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.apptWhen).toBeDefined();
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
  });
});

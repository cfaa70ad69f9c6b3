import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 30d (set 29's yc035): "how late can i start a colour on thursday" asks the latest start
// that day, as "the latest color on thursday" does: the offers are listed from the end of the day.
// "how late", "till what time" with a verb of coming in or being booked, and "the last start
// time / spot / time slot", are that question; "how late are you open" asks the hours, and "how
// late can i cancel" the notice policy.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('the latest start of a day asked', () => {
  it.each([
    ['how late can i start a colour on thursday', '2026-12-03 00:00'],
    ['how late can i come in friday for a haircut', '2026-12-04 00:00'],
    ['how late do you take a cut on sat', '2026-12-05 00:00'],
    ['till what time can i book a color wednesday', '2026-12-02 00:00'],
    ["what's your last start time for color thurs", '2026-12-03 00:00'],
    ['whats the last spot for a trim on monday', '2026-12-07 00:00'],
  ])('%s', (text, day) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.when?.latest).toBe(true);
    expect(localNY(u.when?.from)).toBe(day);
  });
});

describe('near misses: the hours, the notice policy, a late arrival', () => {
  it.each(['how late are you open thursday', 'how late do you stay open on fri'])('%s asks the hours', (text) => {
    const u = read(text);
    expect(u.infoTopic).toBe('hours');
    expect(u.when?.latest).toBeUndefined();
  });
  it.each(['how late can i cancel my thursday cut', "how late can i still reschedule thursday's cut"])('%s asks the policy', (text) => {
    expect(read(text).infoTopic).toBe('policies');
  });
  it('"im running late, can i still come in thursday" asks no latest start', () => {
    expect(read('im running late, can i still come in thursday').when?.latest).toBeUndefined();
  });
});

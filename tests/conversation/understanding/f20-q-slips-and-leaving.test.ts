import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { refusesBookingNow } from '../../../src/conversation/understanding/leaves-for-now.ts';
import { withServiceTakenBack } from '../../../src/conversation/understanding/service-taken-back.ts';
import { ctxOnDec1, localNY, SERVICES } from './fixtures.ts';

// New bookings (issue 14, set 19's failures by class): a service slip corrected after the day
// and time were said, and a take-back whose reason refuses the booking itself ("not right now").

describe('a service corrected after the day and time keeps them', () => {
  it.each([
    ['color on the 9th at 10, no wait just a trim', 'svc-cut', '2026-12-09 10:00'],
    ['manicure on saturday the 5th at 11, actually a facial instead', 'svc-facial', '2026-12-05 11:00'],
    ['highlights fri the 4th at 2 sorry i meant a cut pls', 'svc-cut', '2026-12-04 14:00'],
    ['a massage thursday the 3rd at 1, oops i meant a manicure', 'svc-mani', '2026-12-03 13:00'],
  ])('%s', (text, serviceId, start) => {
    const u = understand(withServiceTakenBack(text, SERVICES), ctxOnDec1());
    expect(u.serviceId).toBe(serviceId);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it.each([
    // The slip corrects the hour, not the service.
    'color on the 9th at 10, no wait 11',
    // A new hour beside the new service: which is meant is not guessed.
    'color on the 9th at 10, no wait just a trim at 11',
    // A service named again with more words is no bare correction.
    'color on the 9th at 10, no wait can i also get a trim and a massage after',
  ])('%s: left as said', (text) => {
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });

  it('a slip right after the service still replaces it in place', () => {
    expect(withServiceTakenBack('can i book highlights, no sorry a cut, for sat at 11', SERVICES)).toBe('can i book a cut, for sat at 11');
  });
});

describe('a take-back refusing the booking itself lets it go, intake or not', () => {
  it.each([
    "never mind, don't want to do this right now",
    'forget it, not today',
    'nvm not right now',
    'ugh never mind, maybe another time',
    "never mind im not ready",
  ])('%s', (text) => {
    expect(refusesBookingNow(text.toLowerCase())).toBe(true);
    for (const expecting of [null, 'intake'] as const) {
      const u = understand(text, ctxOnDec1(expecting));
      expect(u.intent).toBe('decline');
      expect(u.abandons).toBe(true);
      expect(u.when).toBeUndefined();
    }
  });

  it.each([
    // Another time said beside it asks again.
    'nvm not today, tomorrow at 3',
    'forget it, not now, how about friday',
    // No refusal of the booking: during intake it may be the answer.
    'nvm, i have been before',
    'never mind',
    // No take-back first.
    'not right now, i have a question',
  ])('%s: not this reading', (text) => {
    expect(refusesBookingNow(text)).toBe(false);
  });

  it('a bare never mind during intake is still read as the answer', () => {
    expect(understand('never mind', ctxOnDec1('intake')).intent).toBe('provide_info');
  });
});

describe('a booking said beside a rules question goes on after the answer', () => {
  it.each([
    ['cut the 10th at 1:30 + do u charge if i cancel late?', 'svc-cut', '2026-12-10 13:30'],
    ['any fee to cancel? book me a color sat the 5th at 2', 'svc-color', '2026-12-05 14:00'],
    ['color fri the 4th at 11, and is there a charge if i cancel last minute', 'svc-color', '2026-12-04 11:00'],
    ['how much notice do you need to cancel? cut on the 9th at 3 pls', 'svc-cut', '2026-12-09 15:00'],
  ])('%s', (text, serviceId, start) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
    expect(u.alsoBooks).toBe(true);
    expect(u.serviceId).toBe(serviceId);
    expect(localNY(u.when?.from)).toBe(start);
  });

  it.each([
    // The booking is the one the rules are asked about.
    'if i cancel my cut on friday is there a fee',
    'is there a fee if i cancel my color on the 9th at 3?',
    'is there a fee if i cancel a cut on the 9th at 3?',
    'do u charge if i cancel late? my cut is on the 10th',
    'whats your cancellation policy? i have a cut on friday',
    // No day or hour: nothing to book yet.
    'do u charge if i cancel a color late?',
  ])('%s: the rules only', (text) => {
    expect(understand(text, ctxOnDec1()).alsoBooks).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withServiceTakenBack } from '../../../src/conversation/understanding/service-taken-back.ts';
import { ctxOnDec1, localNY, SERVICES } from './fixtures.ts';

// A service named by a slip and corrected in the same text ("a massage oops i meant a
// manicure", "dye, no sorry, a trim"): the service after the slip is the one asked for.

describe('a service corrected on the spot', () => {
  it.each([
    ['could i get a massage oops i meant a manicure on friday at 10', 'svc-mani', '2026-12-04 10:00'],
    ['dye, no sorry, a trim tmrw at 1', 'svc-cut', '2026-12-02 13:00'],
    ['book a facial wait no a massage, thurs at 3', 'svc-massage', '2026-12-03 15:00'],
  ])('%s', (text, service, local) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(u.serviceChoices).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(local);
  });

  it('a booking the customer has is not corrected this way', () => {
    const text = 'cancel my massage, no sorry my manicure';
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });

  it('two services said together stay as said', () => {
    const text = 'a massage and a manicure, no rush';
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { withServiceTakenBack } from '../../../src/conversation/understanding/service-taken-back.ts';
import { ctxOnDec1, localNY, NY, SERVICES } from './fixtures.ts';

// Changes of mind: a service taken back and another named in its place ("scratch the
// highlights, a trim at 2"), and an exact time said beside a bound that only gives the
// reason ("i need to be out by 5, can we do 1 instead").

const NOW = ctxOnDec1().now;

describe('a service taken back for another', () => {
  it.each([
    ['scratch the highlights, a trim at 2 please', 'svc-cut'],
    ['nvm the massage, can i get a manicure fri at 11', 'svc-mani'],
    ['hmm forget about the facial. a haircut thursday at 10', 'svc-cut'],
  ])('"%s" asks for the second service only', (text, service) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(u.serviceChoices).toBeUndefined();
    expect(u.abandons).toBe(true);
  });

  it('a booking the customer has is not taken back this way', () => {
    const text = 'forget my color appt, book a cut instead';
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });

  it('two services with no take-back stay as said', () => {
    const text = 'a trim and a massage on friday';
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });
});

describe('an exact time beside a bound that gives the reason', () => {
  it.each([
    ['i need to be out by 5, can we do 1 instead', '13:00'],
    ["i'm free after 2, could we do 3?", '15:00'],
  ])('"%s" asks for %s', (text, at) => {
    const w = parseWhen(text, NOW, NY);
    expect(w?.exactTime).toBe(true);
    expect(localNY(w?.from)?.slice(11)).toBe(at);
  });

  it('a time outside the bound leaves the bound', () => {
    expect(parseWhen('i need to be out by 5, can we do 6?', NOW, NY)?.exactTime).toBe(false);
  });
});

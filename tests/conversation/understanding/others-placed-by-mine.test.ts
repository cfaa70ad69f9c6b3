import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx } from './fixtures.ts';

// "my two girls right after me friday, one after the other": several others placed by the
// customer's own booking, the customer not among them. The first is placed by it; each
// other one follows as for a party.

describe('several others placed by the customer\'s booking', () => {
  it.each([
    ['can my two girls get trims right after me friday, one after the other', { size: 2, together: false }],
    ['all 3 of my kids need cuts straight after mine on the 12th, back to back pls', { size: 3, together: false }],
    // Placed after a booking, they go one after the other (f24-d): a second stylist free at once is never sure.
    ['both of my sons right after me thursday, cuts', { size: 2, together: false }],
  ])('%j', (text, party) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.nextTo).toMatchObject({ edge: 'end', person: 'self' });
    expect(u.party).toEqual(party);
  });

  it('one other right after me is no party', () => {
    expect(understand('my son right after me friday for a cut', ctx()).party).toBeUndefined();
  });
});

describe('the service wanted, said after a booking named by its person', () => {
  it.each(['could my nephew come in right after me tuesday for a trim', 'and his brother after him for a cut pls'])('%j is the request\'s', (text) => {
    const u = understand(text, ctx());
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo?.serviceId).toBeUndefined();
  });
});

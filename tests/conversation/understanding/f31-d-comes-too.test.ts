import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { comesToo } from '../../../src/conversation/understanding/one-too.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 31d (set 30's yf114, yf120): "my husband wants to come in too, monday at 11?", "can u book
// my son in on the 15th too?" asked which service. Someone else coming "too" beside the customer
// names no service of its own: the same as the customer's (read from their bookings by the
// provider, same-as-own.ts). A verb of coming or booking must say it.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('someone else coming too, no service said', () => {
  it.each([
    'my husband wants to come in too, monday at 11? same place obvs lol',
    'can u book my son in on the 15th too? morning pls, he has practice in the afternoon',
    'can my wife also come friday at 2',
    'my daughter needs to come in as well on the 9th',
    'can i bring my son too on saturday',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBeUndefined();
    expect(u.sameAsBefore).toBe(true);
  });
});

describe('near misses', () => {
  it.each(['my son loved it too', 'is my wife booked too?', 'my husband says thanks too'])('%s: no coming asked', (text) => expect(comesToo(text)).toBe(false));
  it('a cancel "too" is no booking', () => expect(read("can i cancel my son's too").intent).toBe('cancel'));
  it('a service said is that service', () => expect(read('my son wants a color too, friday at 2').serviceId).toBe('svc-color'));
});

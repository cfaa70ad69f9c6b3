import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28w (set 27's zz069): a cancel only supposed, asked as what then ("whats the deal if i
// need to cancel last minute"), is a question about the rules, alone or beside another question;
// and "last minute" is how soon, never the minute before now.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a change the customer might need, asked about, reads as the rules', () => {
  it.each([
    'whats the deal if i have to cancel',
    'what if i gotta cancel?',
    'whats the rule if we need to reschedule day of',
    'how does it work if i need to cancel',
    'whats the deal w cancelling last minute',
    'what is the policy if i end up needing to cancel',
    'what happens if i ever have to cancel last minute',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
  });
  it('beside another question both are answered', () => {
    const u = read('where are you located? and whats the deal if i have to cancel last minute');
    expect(u.infoTopic).toBe('policies');
    expect(u.also?.infoTopic).toBe('address');
  });
});

describe('a cancel asked for stays a cancel', () => {
  it.each(['i need to cancel last minute sorry', 'whats the deal, i need to cancel my friday appt', 'gotta cancel my cut tomorrow'])('%s', (text) => {
    expect(read(text).intent).toBe('cancel');
  });
});

describe('"last minute" names no time', () => {
  it('a last-minute booking keeps the time said', () => {
    expect(localNY(read('can i get a last minute cut tomorrow at 3').when?.from)).toBe('2026-12-02 15:00');
  });
  it('a last minute cancel names no time', () => {
    expect(read('i need to cancel last minute sorry').when).toBeUndefined();
  });
});

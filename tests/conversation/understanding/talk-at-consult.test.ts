import { describe, expect, it } from 'vitest';
import { understand, type ServiceCatalogEntry, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, ctx as baseCtx } from './fixtures.ts';

// Talking with a stylist is what a consultation is: said with a consultation and a day, the
// talk is a booking; a person asked to call back, or the team by name, is still a hand-off.

const CATALOG: ServiceCatalogEntry[] = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] }];
const ctx = (): UnderstandContext => ({ ...baseCtx(), services: CATALOG });

describe('a talk at the salon booked as a consultation', () => {
  it.each([
    'id like to sit down and talk with a stylist about going blonde, a consult on friday at 2?',
    'can i speak to someone about what would suit me? consultation monday 10am',
    'want to chat with one of the stylists before committing, consult thurs at 3',
  ])('"%s" books the consultation', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-consult');
  });

  it.each([
    'can someone call me about a consultation friday at 2',
    'i want to talk to the manager about my consultation on monday',
    'can i talk to someone about options',
  ])('"%s" is still for a person', (text) => {
    expect(understand(text, ctx()).intent).toBe('human');
  });
});

import { describe, expect, it } from 'vitest';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { matchService, matchServices } from '../../../src/conversation/understanding/services.ts';
import { unofferedService } from '../../../src/conversation/understanding/not-offered.ts';
import { SERVICES } from './fixtures.ts';

// A salon whose catalog lists the bare names only: the salon words must find them.
const BARE: ServiceCatalogEntry[] = [
  { id: 'b-cut', name: 'Haircut', slug: 'haircut', synonyms: [] },
  { id: 'b-colour', name: 'Colour', slug: 'colour', synonyms: [] },
  { id: 'b-talk', name: 'Consultation', slug: 'consultation', synonyms: [] },
];

describe('salon words, through the catalog', () => {
  it.each([
    ['my regrowth is showing, sat am?', 'b-colour'], ['root touch up tmrw', 'b-colour'], ['wanna go platinum', 'b-colour'],
    ['something to hide the greys', 'b-colour'], ['balayage pls', 'b-colour'], ['bangs need a tidy up', 'b-cut'],
    ['my split ends are bad', 'b-cut'], ['consultaion first', 'b-talk'],
  ])('%j → %s', (text, id) => {
    expect(matchService(text, BARE)?.id).toBe(id);
  });

  it('the same words find another catalog’s own service', () => {
    expect(matchService('thinking of going darker', SERVICES)?.id).toBe('svc-color');
    expect(matchService('a lil tidy up', SERVICES)?.id).toBe('svc-cut');
  });

  it('a catalog word the text names wins over a salon word', () => {
    expect(matchService('consultation about going red', BARE)?.id).toBe('b-talk');
  });

  it.each(['layers and lowlights', 'root canal', 'the roof is leaking', 'darker'])('%j names no service of the bare catalog', (text) => {
    expect(matchServices(text, BARE)).toEqual([]);
  });

  it('no service for the kind: the words name nothing', () => {
    expect(matchServices('my regrowth is showing', [BARE[0]!, BARE[2]!])).toEqual([]);
  });
});

describe('a hair word after another body part is another service', () => {
  it.each(['moustache trim fri', 'brow tint?', 'nail color on sat', 'lash tint'])('%j is none of the hair services', (text) => {
    expect(matchServices(text, SERVICES).filter((s) => s.id === 'svc-cut' || s.id === 'svc-color')).toEqual([]);
  });

  it('and is said not to be offered', () => {
    expect(unofferedService('u do beard trims?', SERVICES)).toBe('beard trims');
    expect(unofferedService('gel nail polish', BARE)).toBe('nail polish');
  });

  it('unless the catalog offers it', () => {
    const barber = [...SERVICES, { id: 'svc-beard', name: 'Beard Trim', slug: 'beard-trim', synonyms: [] }];
    expect(matchService('beard trim thurs', barber)?.id).toBe('svc-beard');
    expect(unofferedService('beard trim thurs', barber)).toBeUndefined();
  });
});

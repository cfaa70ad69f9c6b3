import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctx } from './fixtures.ts';

describe('"while im in for my color ... a trim after": the booking named by "while", placed by a bare side', () => {
  it.each([
    'while im in for my color on the 22nd could i also get a trim after',
    'while im getting my color on the 17th can i get a cut right afterwards',
    "while i'm having my color friday could i add a trim after that",
  ])('%j goes at its end', (text) => {
    const u = understand(text, ctx(null));
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-cut', nextTo: { edge: 'end', serviceId: 'svc-color' } });
  });

  it('a bare "before" ends by its start', () => {
    expect(understand('while im in for my haircut on the 9th could i get a color before?', ctx(null)).nextTo).toMatchObject({ edge: 'start', minutes: 0 });
  });

  it.each(['while im in for my color on the 22nd could my son get a trim', 'can my son get a cut at the same time as my color on the 22nd'])(
    '%j with no side stays at its time',
    (text) => {
      expect(understand(text, ctx(null)).nextTo?.edge).toBe('same');
    },
  );
});

import { describe, expect, it } from 'vitest';
import { onWeekdayDiscussed } from '../../../src/conversation/providers/offline/weekday-discussed.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from '../understanding/fixtures.ts';

// "ok 4:30 monday then" to openings on Mon Dec 14 (set 11's r100): a weekday said alone is the
// later day of that weekday the offers on screen are on, not the nearest one.

const zone = 'America/New_York';
const view = (locals: string[]) => ({ timeZone: zone, offers: locals.map((local) => ({ id: local, label: local, start: local, local, forAppointmentRef: null })) }) as unknown as ProviderView;
const onMonday14 = view(['2026-12-14T16:30', '2026-12-14T15:00']);
const said = (text: string, v: ProviderView) => localNY(onWeekdayDiscussed(v, understand(text, ctxOnDec1('choice'))).when?.from);

describe('a weekday said alone to offers on a later day of that weekday', () => {
  it.each([
    ['fine, monday at 3:30 then', '2026-12-14 15:30'],
    ['4pm on monday?', '2026-12-14 16:00'],
    ['ok mon 2pm', '2026-12-14 14:00'],
  ])('"%s" is that day: %s', (text, at) => {
    expect(said(text, onMonday14)).toBe(at);
  });
});

describe('stays the day it names', () => {
  it.each([
    ['this monday at 3:30', '2026-12-07 15:30'],
    ['monday the 7th at 3', '2026-12-07 15:00'],
    ['tuesday at 3', '2026-12-08 15:00'],
  ])('"%s" is %s', (text, at) => {
    expect(said(text, onMonday14)).toBe(at);
  });

  it('with no offers on screen, or offers more than four weeks on', () => {
    expect(said('monday at 3', view([]))).toBe('2026-12-07 15:00');
    expect(said('monday at 3', view(['2027-01-11T15:00']))).toBe('2026-12-07 15:00');
  });
});

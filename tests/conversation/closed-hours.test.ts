import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CatalogLocation } from '../../src/conversation/catalog.ts';
import { closedReason } from '../../src/conversation/tools/closed-hours.ts';

// A time asked while the business is closed is said to be closed (issue 14): which words,
// and when nothing is said (open then, several days, no hours on record).

const NY = 'America/New_York';
const location = (hours: CatalogLocation['hours'], name = 'Main St'): CatalogLocation => ({ id: name, name, address: '1 Main St', timeZone: NY, phone: null, hours });
// Mon–Fri 9–17 and Tue–Sat 10–18, as the salon's two staff members make it.
const SALON = location([1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: weekday === 1 ? '09:00' : weekday === 6 ? '10:00' : '09:00', end: weekday === 1 ? '17:00' : '18:00' })));
const t = (local: string) => DateTime.fromISO(local, { zone: NY });
const at = (local: string) => ({ from: t(local).startOf('day'), to: t(local).endOf('day'), at: t(local) });
const span = (from: string, to: string) => ({ from: t(from), to: t(to), at: null });

describe('closedReason', () => {
  it.each([
    ['2026-12-02T20:00', 'we close at 6 PM on Wednesdays'],
    ['2026-12-04T18:00', 'we close at 6 PM on Fridays'],
    ['2026-12-07T17:30', 'we close at 5 PM on Mondays'],
    ['2026-12-03T07:00', 'we open at 9 AM on Thursdays'],
    ['2026-12-05T09:00', 'we open at 10 AM on Saturdays'],
    ['2026-12-06T14:00', 'we are closed on Sundays'],
  ])('a time at %s: %j', (local, why) => {
    expect(closedReason([SALON], at(local))).toBe(why);
  });

  it.each(['2026-12-02T09:00', '2026-12-02T17:59', '2026-12-05T10:00'])('says nothing of a time when open (%s)', (local) => {
    expect(closedReason([SALON], at(local))).toBeUndefined();
  });

  it('reads a window on one day: after closing, or a closed day', () => {
    expect(closedReason([SALON], span('2026-12-01T19:00', '2026-12-02T00:00'))).toBe('we close at 6 PM on Tuesdays');
    expect(closedReason([SALON], span('2026-12-06T00:00', '2026-12-07T00:00'))).toBe('we are closed on Sundays');
    expect(closedReason([SALON], span('2026-12-01T17:00', '2026-12-01T21:00'))).toBeUndefined();
  });

  it('says nothing of a window over several days, or without hours on record', () => {
    expect(closedReason([SALON], span('2026-12-05T00:00', '2026-12-07T00:00'))).toBeUndefined();
    expect(closedReason([location([])], at('2026-12-06T14:00'))).toBeUndefined();
  });

  it('is open when any location is, and names no time between two locations', () => {
    const late = location([{ weekday: 3, start: '12:00', end: '21:00' }], 'Late St');
    expect(closedReason([SALON, late], at('2026-12-02T20:00'))).toBeUndefined();
    const split = [location([{ weekday: 3, start: '09:00', end: '12:00' }]), location([{ weekday: 3, start: '14:00', end: '18:00' }], 'B')];
    expect(closedReason(split, at('2026-12-02T13:00'))).toBe('we are closed at that time on Wednesdays');
  });
});

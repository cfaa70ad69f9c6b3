import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/engine/time.ts';

// formatLocal writes named zones from the cached offset instead of asking Luxon for
// every slot; what it writes must be what Luxon writes, across zones, DST changes,
// offsets of odd minutes and instants with and without milliseconds. (Before about
// 1975 some zones changed offset off the quarter hours offsetMinutes caches by.)

const ZONES = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'Etc/GMT+5', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
const luxon = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('formatLocal', () => {
  it('writes what Luxon writes, for any zone and instant from 1975 to 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.boolean(), (zone, ms, whole) => {
        const at = whole ? ms - (ms % 60_000) : ms;
        expect(formatLocal(new Date(at), zone)).toBe(luxon(at, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes every quarter hour around this year\'s and next year\'s clock changes as Luxon does', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'UTC']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
        if (luxon(ms, zone) !== formatLocal(new Date(ms), zone)) expect(formatLocal(new Date(ms), zone)).toBe(luxon(ms, zone));
      }
    }
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { slotWall } from '../../src/conversation/tools/slot-search.ts';

// slotWall reads the engine's cached zone offsets instead of asking Luxon; it must say
// exactly what Luxon says, across transitions, half-hour zones and fixed offsets.

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/London', 'UTC', 'UTC+3'];
// Every 131 minutes over a year: every hour of the day, both sides of each transition.
const INSTANTS = Array.from({ length: 4_000 }, (_, i) => Date.UTC(2026, 0, 1) + i * 131 * 60_000);

describe('slotWall', () => {
  it.each(ZONES)('is the slot\'s wall-clock time at its location in %s', (zone) => {
    const env = { catalog: { locations: [{ id: 'loc', timeZone: zone }], business: { timeZone: zone } } } as unknown as Parameters<typeof slotWall>[0];
    for (const ms of INSTANTS) {
      const slot = { start: new Date(ms), locationId: 'loc' } as Parameters<typeof slotWall>[1];
      expect(slotWall(env, slot)).toBe(DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
    }
  });
});

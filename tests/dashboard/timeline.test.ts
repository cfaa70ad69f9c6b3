import { describe, expect, it } from 'vitest';
import { toHtmlString } from '../../src/dashboard/html.ts';
import { duration, renderDay } from '../../src/dashboard/timeline/render.ts';
import { dayBounds, timelineDays, weekDates, type ResourceTimes } from '../../src/dashboard/timeline/segments.ts';

// The timeline's pure parts, without a database: local days that are 23 or 25 hours
// long, hours that run past midnight, a resource whose zone is not the location's.

const NY = 'America/New_York';
const HOUR = 3_600_000;

const resource = (hours: Partial<ResourceTimes['hours']> & Pick<ResourceTimes['hours'], 'weeklyHours'>): ResourceTimes => ({
  id: 'r1',
  name: 'Dana',
  kind: 'staff',
  hours: { timeZone: NY, overrides: [], ...hours },
  reserved: [],
  holds: [],
  timeOff: [],
  appointments: [],
});

const segmentsText = (markup: string) => [...markup.matchAll(/<li class="seg-[a-z_]+"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('timeline days', () => {
  it('are the local days: 23 hours when clocks spring forward, 25 when they fall back', () => {
    const length = (date: string) => dayBounds(date, NY)[1] - dayBounds(date, NY)[0];
    expect(length('2027-03-14')).toBe(23 * HOUR);
    expect(length('2026-11-01')).toBe(25 * HOUR);
    expect(length('2026-12-02')).toBe(24 * HOUR);
  });

  it('run Monday to Sunday around any day of the week', () => {
    expect(weekDates('2026-12-06')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weekDates('2026-11-30')[0]).toBe('2026-11-30');
  });

  it('count the skipped hour out of a night shift on the spring-forward night', () => {
    const r = resource({ weeklyHours: [], overrides: [{ date: '2027-03-14', startTime: '00:00', endTime: '04:00' }] });
    const [day] = timelineDays({ dates: ['2027-03-14'], zone: NY, resources: [r] });
    expect(day!.resources[0]!.freeMs).toBe(3 * HOUR);
  });

  it('split hours past midnight between the two days, the first ending at 24:00', () => {
    const r = resource({ weeklyHours: [{ weekday: 5, startTime: '22:00', endTime: '02:00' }] });
    const days = timelineDays({ dates: ['2026-12-04', '2026-12-05'], zone: NY, resources: [r] });
    expect(days.map((d) => d.resources[0]!.freeMs)).toEqual([2 * HOUR, 2 * HOUR]);
    const friday = toHtmlString(renderDay({ day: days[0]!, zone: NY, caption: 'Friday' }));
    const saturday = toHtmlString(renderDay({ day: days[1]!, zone: NY, caption: 'Saturday' }));
    expect(segmentsText(friday)).toEqual(['22:00–24:00 Free']);
    expect(segmentsText(saturday)).toEqual(['00:00–02:00 Free']);
  });

  it("show a resource's hours in its own zone on the location's clock", () => {
    const r = resource({ timeZone: 'America/Chicago', weeklyHours: [{ weekday: 3, startTime: '09:00', endTime: '17:00' }] });
    const [day] = timelineDays({ dates: ['2026-12-02'], zone: NY, resources: [r] });
    expect(segmentsText(toHtmlString(renderDay({ day: day!, zone: NY, caption: 'Wednesday' })))).toEqual(['10:00–18:00 Free']);
  });
});

describe('duration', () => {
  it('reads hours and minutes', () => {
    expect([duration(0), duration(45 * 60_000), duration(8 * HOUR), duration(5.5 * HOUR)]).toEqual(['none', '45 min', '8 h', '5 h 30 min']);
  });
});

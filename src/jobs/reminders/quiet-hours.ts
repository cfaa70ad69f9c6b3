import { DateTime } from 'luxon';

// Quiet hours: the business's "do not text" window in the customer's own zone
// (default 21:00–08:00). An SMS reminder that would arrive inside it is sent in the
// last minute before the window opens instead: earlier, never later, so it still
// arrives before the appointment. Computed on wall-clock time in the zone, so a
// daylight-saving change moves the window with the clock on the wall.

export interface QuietHours {
  /** "HH:MM": the window opens. */
  start: string;
  /** "HH:MM": the window closes (exclusive). Equal to start: no quiet hours. */
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export function isQuiet(at: Date, zone: string, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** `at`, or the last minute before the quiet hours it falls in began. */
export function beforeQuietHours(at: Date, zone: string, quiet: QuietHours): Date {
  if (!isQuiet(at, zone, quiet)) return at;
  const local = DateTime.fromJSDate(at, { zone });
  const start = minutesOf(quiet.start);
  const opened = local.set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 });
  // After midnight the window opened the evening before.
  const window = opened > local ? opened.minus({ days: 1 }) : opened;
  return window.minus({ minutes: 1 }).toJSDate();
}

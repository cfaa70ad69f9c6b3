import { DateTime } from 'luxon';

// How the dashboard writes instants and ages. Times are always shown in a named zone
// (the location's, else the business's): never the server's.

export const when = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy, HH:mm');

export const clockTime = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');

/** "5 min", "3 h 20 min", "2 d 4 h": how long something has waited, from the injected clock's now. */
export function ageOf(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

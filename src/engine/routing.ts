import type { ResourceCalendar } from './calendar.ts';
import { speaks } from './eligibility.ts';
import type { RoutingStrategy } from './ports.ts';
import { localDate } from './time.ts';

// Which free resource gets a booking when the customer did not pick one.
// Every strategy ends in a total order: the resource's name, then its id, break ties,
// so the same inputs always give the same assignment, and the same business set up
// again (new ids, as in every test database) routes the same way. With the id alone, a
// tie between Dana and Lee went to either one from one database to the next.
//
// - round_robin: fewest live bookings of this service in the slot's calendar month
//   (the resource's own zone), divided by Resource.routingWeight. Counting over the
//   month, not "next in list", lets someone back from leave catch up.
// - least_busy: fewest bookings of any service on the slot's local day, then round robin.
// - previous_provider: the customer's most recent provider who is free, then round robin.
// - language_first: staff who speak the customer's language, then round robin.
// For group services, resources already running the session at that time come first
// so classes fill before new ones open.

export interface RoutingInput {
  strategy: RoutingStrategy;
  start: number;
  /** Live bookings of the service per resource per "YYYY-MM". */
  monthlyCounts: Map<string, Map<string, number>>;
  /** Customer's previous providers, most recent first. */
  previousResourceIds: string[];
  /** The customer's language, for language_first. */
  language?: string;
  /** Session key a new seat would join at this start (group services). */
  sessionKey?: string;
}

export function rankResources(candidates: ResourceCalendar[], input: RoutingInput): ResourceCalendar[] {
  const days = new Map<string, string>();
  const dayIn = (zone: string) => {
    let d = days.get(zone);
    if (d === undefined) days.set(zone, (d = localDate(input.start, zone)));
    return d;
  };
  const keyed = candidates.map((c) => ({ c, key: sortKey(c, input, dayIn(c.resource.timeZone)) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || tieBreak(a.c, b.c));
  return keyed.map((k) => k.c);
}

/** The first resource rankResources would return, without sorting them all. */
export function bestResource(candidates: ResourceCalendar[], input: RoutingInput): ResourceCalendar {
  const days = new Map<string, string>();
  let best: ResourceCalendar | undefined;
  let bestKey: number[] = [];
  for (const c of candidates) {
    const zone = c.resource.timeZone;
    let day = days.get(zone);
    if (day === undefined) days.set(zone, (day = localDate(input.start, zone)));
    const key = sortKey(c, input, day);
    const order = best ? compareKeys(key, bestKey) || tieBreak(c, best) : -1;
    if (order < 0) {
      best = c;
      bestKey = key;
    }
  }
  if (!best) throw new RangeError('bestResource needs at least one candidate');
  return best;
}

function sortKey(c: ResourceCalendar, input: RoutingInput, day: string): number[] {
  const r = c.resource;
  const month = day.slice(0, 7);
  const monthCount = input.monthlyCounts.get(r.id)?.get(month) ?? 0;
  const fairness = monthCount / Math.max(1, r.routingWeight);
  const joinsSession = input.sessionKey && c.sessions.has(input.sessionKey) ? 0 : 1;
  switch (input.strategy) {
    case 'least_busy':
      return [joinsSession, c.bookingsOn(day), fairness];
    case 'previous_provider': {
      const i = input.previousResourceIds.indexOf(r.id);
      return [joinsSession, i < 0 ? Number.MAX_SAFE_INTEGER : i, fairness];
    }
    case 'language_first':
      return [joinsSession, input.language && r.kind === 'staff' && speaks(r, input.language) ? 0 : 1, fairness];
    case 'round_robin':
    default:
      return [joinsSession, fairness];
  }
}

function tieBreak(a: ResourceCalendar, b: ResourceCalendar): number {
  const [x, y] = [a.resource, b.resource];
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

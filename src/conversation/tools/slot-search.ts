import { DateTime } from 'luxon';
import type { Slot, SlotQuery } from '../../engine/api.ts';
import { formatLocal } from '../../engine/time.ts';
import { locationZone } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import type { SlotWindow } from './slot-window.ts';

export interface FoundSlots {
  slots: Slot[];
  /** Nothing was open in the window: these are the next openings after it. */
  noneInRange: boolean;
}

type Query = Omit<SlotQuery, 'from' | 'to' | 'limit'>;

/**
 * The wall-clock time of a slot at its own location, as "yyyy-MM-ddTHH:mm". Through the
 * engine's cached zone offsets: a turn asks this of every slot a search returns, and
 * Luxon's own offset lookup was the largest share of a turn's date handling.
 */
export function slotWall(env: Pick<TurnEnv, 'catalog'>, slot: Slot): string {
  return formatLocal(slot.start, locationZone(env.catalog, slot.locationId)).slice(0, 16);
}

/**
 * Open slots in the window, or else in the two weeks after it. The window is wall-clock time
 * ("tomorrow afternoon") wherever the appointment is: with locations in other zones, search a
 * wider instant range and keep the slots whose local time at their own location falls inside.
 */
export async function searchSlots(env: TurnEnv, query: Query, window: SlotWindow, skipStart: Date | null): Promise<FoundSlots | ToolOutcome> {
  const now = env.clock();
  const { from, to } = window;
  const nowLocal = DateTime.fromJSDate(now, { zone: env.catalog.business.timeZone });
  const notSkipped = (s: Slot) => !skipStart || s.start.getTime() !== skipStart.getTime();
  const fromWall = from.toFormat("yyyy-MM-dd'T'HH:mm");
  const toWall = to.toFormat("yyyy-MM-dd'T'HH:mm");
  const multiZone = env.catalog.locations.some((l) => l.timeZone !== env.catalog.business.timeZone);
  const margin = multiZone ? { hours: 14 } : { hours: 0 };
  const first = await search(env, query, DateTime.max(from.minus(margin), nowLocal).toJSDate(), to.plus(margin).toJSDate(), multiZone || window.latest ? 1000 : 200);
  if (!Array.isArray(first)) return first;
  const inRange = first.filter((s) => {
    const w = slotWall(env, s);
    return s.start >= now && w >= fromWall && w < toWall;
  }).filter(notSkipped);
  if (inRange.length) return { slots: inRange, noneInRange: false };
  const later = await laterDaysFromSameHour(env, query, window, notSkipped);
  if (later) return later;
  const start = DateTime.max(to, nowLocal);
  const next = await search(env, query, start.toJSDate(), start.plus({ days: 14 }).toJSDate(), 50);
  if (!Array.isArray(next)) return next;
  return { slots: next.filter(notSkipped), noneInRange: true };
}

/**
 * "an evening next week? after 5, i work till 4:30" on a Monday closed at 5: the window ran to
 * the end of its day from an afternoon or evening hour, so the customer cannot come before it.
 * The next openings are those from that hour on the following days, not the next morning.
 * Undefined for any other window, or when no later day has one.
 */
async function laterDaysFromSameHour(env: TurnEnv, query: Query, window: SlotWindow, keep: (s: Slot) => boolean): Promise<FoundSlots | ToolOutcome | undefined> {
  const { from, to } = window;
  const dayEnd = from.startOf('day').plus({ days: 1 });
  if (window.target || from.hour < 12 || to < dayEnd || to.diff(from, 'hours').hours > 24) return undefined;
  const found = await search(env, query, dayEnd.toJSDate(), dayEnd.plus({ days: 14 }).toJSDate(), 1000);
  if (!Array.isArray(found)) return found;
  const hour = from.toFormat('HH:mm');
  const slots = found.filter((s) => keep(s) && slotWall(env, s).slice(11) >= hour);
  return slots.length ? { slots, noneInRange: true } : undefined;
}

async function search(env: TurnEnv, query: Query, from: Date, to: Date, limit: number): Promise<Slot[] | ToolOutcome> {
  try {
    return await env.scheduler.findSlots({ ...query, from, to, limit });
  } catch (err) {
    // The engine refuses queries it cannot answer (e.g. an inactive service) with a named rule.
    const rule = (err as { rule?: string }).rule;
    if (rule) return fail(rule, (err as Error).message, false);
    throw err;
  }
}

import { DateTime } from 'luxon';
import type { TurnEnv } from '../env.ts';
import { T2 } from '../templates.ts';
import type { ToolOutcome } from '../outcome.ts';
import type { ToolArgs } from './definitions.ts';

/**
 * "a cut on nov 30 at 2" said on Dec 1: the day asked is over, so the customer is told so and
 * asked for another; offering today's openings instead would answer something not asked.
 * Today itself is never passed (its later hours are searched as usual).
 */
export function dayPassed(env: TurnEnv, args: ToolArgs<'find_slots'>): ToolOutcome | undefined {
  const zone = env.catalog.business.timeZone;
  const asked = askedDays(args, zone);
  const today = DateTime.fromJSDate(env.clock(), { zone }).startOf('day');
  if (!asked || asked.to >= today) return undefined;
  env.state.offers = [];
  const day = asked.from.toFormat('ccc LLL d');
  return {
    failure: false,
    result: { ok: false, error: { code: 'day_passed', message: `${day} has already passed.` } },
    display: { messages: [T2.dayPassed(day)], expecting: null },
  };
}

/** The first and last moment of the window asked, as said (not yet moved to start at now). */
function askedDays(args: ToolArgs<'find_slots'>, zone: string): { from: DateTime; to: DateTime } | undefined {
  if (!args.from) return undefined;
  const from = DateTime.fromISO(args.from, { zone });
  const to = args.to ? DateTime.fromISO(args.to, { zone }) : from;
  if (!from.isValid || !to.isValid) return undefined;
  return { from, to: args.to && args.to.includes('T') ? to : to.endOf('day') };
}

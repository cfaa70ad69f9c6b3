import { DateTime } from 'luxon';
import { fail, type ToolOutcome } from '../outcome.ts';
import type { ToolArgs } from './definitions.ts';

/** The wall-clock window find_slots searches, in the business zone. */
export interface SlotWindow {
  from: DateTime;
  to: DateTime;
  /** The time the customer named, when they named one: offers are the nearest to it. */
  target: DateTime | null;
  /** "how late can i come thursday": the latest openings in the window are offered. */
  latest: boolean;
}

/** Reads find_slots' from/to/exact_time as a window that starts no earlier than now. */
export function slotWindow(args: ToolArgs<'find_slots'>, now: Date, timeZone: string): SlotWindow | ToolOutcome {
  const parse = (s: string) => DateTime.fromISO(s, { zone: timeZone });
  let from = args.from ? parse(args.from) : DateTime.fromJSDate(now, { zone: timeZone });
  if (!from.isValid) return fail('invalid_arguments', 'from is not a valid date.');
  const dateOnly = args.from !== null && !args.from.includes('T');
  let to: DateTime;
  if (args.to) {
    to = parse(args.to);
    if (!to.isValid) return fail('invalid_arguments', 'to is not a valid date.');
    if (!args.to.includes('T')) to = to.endOf('day');
  } else if (!args.from) {
    to = from.plus({ days: 14 });
  } else {
    to = args.exact_time || dateOnly ? from.endOf('day') : from.plus({ days: 1 });
  }
  if (dateOnly) from = from.startOf('day');
  const target = args.exact_time ? from : null;
  if (args.exact_time) {
    // A named time: look at that whole day and offer the nearest openings to it.
    from = from.startOf('day');
    to = DateTime.max(to, from.endOf('day'));
  }
  const nowLocal = DateTime.fromJSDate(now, { zone: timeZone });
  if (from < nowLocal) from = nowLocal;
  if (to <= from) to = from.endOf('day');
  return { from, to, target, latest: Boolean(args.latest) && !target };
}

// "cancel their cuts on the 17th (4 and 4:30)", "cancel both at 10 & 11 tmrw": clock times listed
// with "and" name one booking each, all on the day said beside them. Read as one time (the last),
// only one booking would be meant; read as a split at "and", the first part keeps the day and
// the second a bare time of today.
import type { DateRange } from './types.ts';

const CLOCK = String.raw`\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?`;
/** Two or more clock times joined by "and", "&" or commas, optionally after "at" and inside brackets. */
const LISTED_TIMES = new RegExp(String.raw`\(?\b(?:at )?(${CLOCK})((?:(?: ?, ?| and | ?& ?| ?\+ ?)(?:at )?${CLOCK})+)\b\)?`);

/** The times listed and the words without them; undefined unless two or more times are listed. */
export function listedTimes(raw: string): { times: string[]; rest: string } | undefined {
  const m = LISTED_TIMES.exec(raw.toLowerCase());
  if (!m) return undefined;
  const times = m[0].replace(/[()]/g, '').replace(/\bat\b/g, ' ').split(/,|\band\b|&|\+/).map((t) => t.trim()).filter(Boolean);
  // "the 17th and 18th", "dec 3 and 4": numbers after a date's words are days, not times.
  if (times.length < 2 || !times.some((t) => /[:ap]/.test(t) || Number(t) <= 12)) return undefined;
  const before = raw.toLowerCase().slice(0, m.index);
  if (/\b(the|on|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? ?$/.test(before)) return undefined;
  return { times, rest: `${raw.toLowerCase().slice(0, m.index)} ${raw.toLowerCase().slice(m.index + m[0].length)}` };
}

/** Each listed time on the day the rest of the words say; undefined unless every one resolves to a time on a named day. */
export function eachListedTime(raw: string, resolve: (text: string) => DateRange | undefined): DateRange[] | undefined {
  const listed = listedTimes(raw);
  if (!listed) return undefined;
  const day = resolve(listed.rest);
  if (!day || day.exactTime || day.dayNamed === false) return undefined;
  const ranges = listed.times.map((t) => resolve(`${listed.rest} at ${t}`));
  return ranges.every((r) => r?.exactTime && r.dayNamed !== false) ? (ranges as DateRange[]) : undefined;
}

// "can you move both my appts (thurs 10am and fri 2pm) an hour later each", "push all 3 of my
// bookings (mon, wed + fri) back 30 min": a move of every booking, with the bookings listed in
// brackets right after. Those days and times only say which bookings "both" are; left in, the
// first reads as the booking moved and the second as its new time. The list is dropped, and
// "both" (every booking) is moved as asked. Cancels keep their list: there each day is a target.
const MOVE_VERB = String.raw`\b(?:move|moving|push|pushing|bump|bumping|shift|shifting|reschedule|rescheduling|change|changing|make)\b`;
const EVERY = String.raw`\b(?:both|all(?: (?:\d|two|three|four))?)(?: of)? (?:my|our|the) [a-z']+`;
const LISTED = new RegExp(String.raw`(?<head>${MOVE_VERB}[^()]*?${EVERY})\s*\((?<list>[^()]*)\)`);
/** A list of two or more: joined by "and", "&", "+", a comma or a slash. */
const JOINED = /\band\b|&|\+|,|\//;

/** The move with the bookings' list dropped; the text unchanged when it has none. */
export function withoutBothListed(text: string): string {
  if (typeof text !== 'string') return text;
  const m = LISTED.exec(text.toLowerCase());
  if (!m?.groups || !JOINED.test(m.groups.list!)) return text;
  return `${text.slice(0, m.index)}${m.groups.head}${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
}

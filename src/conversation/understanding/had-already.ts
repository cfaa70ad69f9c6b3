// "i have a cut on the 10th already but can i add color fri the 11th at 9 too", "i already
// have a color monday, can i also book a trim wed at 2": a booking the customer has, told of
// only to say the new one comes on top of it. The told booking asks nothing; its day and
// service are not the new booking's, which the rest of the text says on its own.

// The telling, "already" said after the booking, up to the word that joins the request ("but", "and", "so").
const HAD_ALREADY =
  /(?:^|(?<=[,.;!?]\s*)|(?<=\s))(?:i|we) (?:do )?(?:have|got|'ve got|ve got|have got)(?: (?:a|an|my|our|one|the))? [^,.;!?]*?\balready\b(?: (?:booked|scheduled|on the books))?[,.;!?\s]*(?:(?:but|and|so|though) )?/;
// "i already have a color monday, ...": "already" first, the clause ends at its stop or its "but".
const ALREADY_FIRST = /(?:^|(?<=[,.;!?]\s*)|(?<=\s))(?:i|we) already (?:have|got)(?: (?:a|an|my|our|one|the))? [^,.;!?]*?(?:[,.;!?]+\s*|\s(?=(?:but|and|so) ))(?:(?:but|and|so) )?/;
// The rest asks for a booking of its own.
const ASKS_NEW = /\b(?:add|book|schedule|another|also|get|squeeze|fit|want|need|like)\b/;
// The rest places the new booking by the told one ("right after it", "same day"): the telling is its anchor, kept.
const REFERS_BACK = /\b(?:it|that|then|same|after|before|afterwards?|beforehand)\b/;

// The rest names a day of its own. A clock time alone ("can my son get one too at 1:30") is on the told booking's day (next-to-booking.ts).
const OWN_DAY = /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|tmrw|tomorrow|today|next)/;
const CLOCK_TIME = /\b(?:at |@ ?|around |by )?\d{1,2}(?::\d{2})? ?(?:am|pm|a|p)?\b(?!\/|(?:st|nd|rd|th)\b)/g;

function withoutClockTimes(s: string): string {
  return s.replace(CLOCK_TIME, (m) => (/^(?:at|@|around|by)\b|:|[ap]m?$/.test(m.trim()) ? ' ' : m));
}

/** The message without a booking told of as already had, when a request of its own is left; else undefined. */
export function withoutHadAlready(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  const m = HAD_ALREADY.exec(lower) ?? ALREADY_FIRST.exec(lower);
  if (!m) return undefined;
  const rest = `${raw.slice(0, m.index)} ${raw.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  const after = lower.slice(m.index + m[0].length);
  if (!ASKS_NEW.test(after) || REFERS_BACK.test(after) || !OWN_DAY.test(withoutClockTimes(after))) return undefined;
  return rest;
}

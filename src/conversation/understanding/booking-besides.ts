// "hey besides my color on the 10th, can i get a haircut sat the 12th at 3", "on top of my cut
// friday i'd like a color tues at 10", "can i add a trim thurs at 4 in addition to my color on
// the 10th": a booking the customer has, named only to say the new one comes beside it, kept as
// it is. Its service and day are not the request's. With a day of its own and nothing pointing
// back ("after it", "same day"), the request is read alone; else the booking named places it,
// told as "i have ..." the way next-to-booking.ts reads a booking told of first.

// The words that put a booking beside the new one; "along with keeping", "as well as having": kept.
const BESIDE = String.raw`(?:besides|beside|apart from|aside from|on top of|in addition to|other than|as well as|along with|separate from|not counting)(?: (?:keeping|having|the))?`;
// Whose booking: "my color", "our cuts", "my daughter's color", "her cut".
const OWNER = String.raw`(?:my|our|his|her|their)`;
// Where the words naming the booking stop, when no comma does: the request's own opening.
const REQUEST_OPENS = String.raw`(?:can|could|would|may|i|we|pls|please|plz|book|add|is|are|do|does)`;
const OPENING = new RegExp(
  String.raw`^(?:(?:hey|hi|hello|ok|okay|so|um|oh)[ ,!.]+)*${BESIDE} (?<booking>${OWNER} [^,.;!?]*?)(?:[,.;!?]+\s*|\s+(?=${REQUEST_OPENS}\b))(?<rest>\S.*)$`,
  'd',
);
// "..., on top of my color on the 10th": said last.
const CLOSING = new RegExp(String.raw`^(?<rest>.*?\S)[\s,;-]*\b${BESIDE} (?<booking>${OWNER} [^,.;!?]*?)[\s.!?]*$`, 'd');

// The rest asks for a booking: "can i get", "book me", "i'd like", "my daughter needs a trim", "another".
const ASKS_BOOKING =
  /\b(?:(?:can|could|may|would) (?:i|we|u|you|she|he|they|my \w+) (?:also |still |please |pls )?(?:get|book|add|do|have|squeeze|fit|come|grab|schedule)|book|add|schedule|squeeze|fit (?:in|me|her|him|us)|another|(?:i'?d|id|i would|we'?d|we would) (?:like|love)|(?:i|we|she|he|my \w+) (?:also )?(?:want|need|wanna)s?(?: to (?:book|get|add))? (?:a|an|some|another)\b)\b/;
// The rest places the new booking by the one named ("right after it", "same day", "before that").
const REFERS_BACK = /\b(?:after|before|afterwards?|beforehand|(?:that|the same|same) day)\b/;
// The rest names a day of its own.
const OWN_DAY = /\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|tmrw|tomorrow|today|tonight|next|the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}|\d{1,2}\/\d{1,2})\b/;

/** The message with a booking named beside a new one set apart from the request; undefined when there is none. */
export function withBookingBesides(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  const m = OPENING.exec(lower) ?? CLOSING.exec(lower);
  const at = m?.indices?.groups;
  if (!m?.groups || !at?.rest || !at.booking) return undefined;
  const asked = m.groups.rest!;
  if (!ASKS_BOOKING.test(asked)) return undefined;
  // The customer's own words, as they wrote them (an e-mail keeps its case).
  const rest = raw.slice(...at.rest).trim();
  if (OWN_DAY.test(asked) && !REFERS_BACK.test(asked)) return rest;
  return `i have ${raw.slice(...at.booking).trim()}, ${rest}`;
}

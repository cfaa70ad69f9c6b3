// "a cut at 2 and another one right after for my son", "a trim fri the 11th and another on the
// 18th": the second booking of one text said as "another (one)", "one more", "a second one"
// names no service of its own; it is one more of the service just asked. Read later on its own
// (once the first is booked), those words would ask no service, so the service is spelled in.

// "another one", "one more", "a second one"; never "another day/time", which asks another time, not a booking,
// nor "one after another", which orders the bookings of a party.
const ANOTHER = /(?<!\bafter )\b(?:another|one more|a second)(?: one)?\b(?! (?:day|time|week|slot|spot|date|option|stylist)\b)/i;

/** The words with "another (one)" spelled as one more of the service named; unchanged when they say no such thing. */
export function anotherOfSame(words: string, serviceName: string | undefined): string {
  if (!serviceName) return words;
  return words.replace(ANOTHER, `another ${serviceName.toLowerCase()}`);
}

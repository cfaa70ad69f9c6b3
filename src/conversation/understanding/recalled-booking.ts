// "oh right the color. 11:30 with dana then", "duh, my color's at 10 - 11:30 then?": a booking
// the customer has, remembered as the reason a time was taken, is said beside the request and
// asks nothing itself. Its service is no new request (the cut being booked stays a cut).

// The recall ("oh right", "duh", "i forgot about"), then the booking ("the color", "my color's at
// 10"), up to the end of its clause. A bare "yes the color" answers a question; it recalls nothing.
const RECALLED =
  /(?:^|[,.;!?]\s*)(?:(?:oh|ah|ahh|ohh|oops|ugh|lol|duh)[,!]* )*(?:(?:oh|ah|ahh|ohh) (?:right|yeah|ya|yea)|right|duh|d'?oh|of course|(?:i )?forgot(?: about)?)[,!]* (?:the|my|our) [^,.;!?]+?(?:[,.;!?]+\s*|\s+-+\s+)/;
// What is left refers back to the booking ("book that one too"): the recall is the request's own subject.
const REFERS_BACK = /\b(?:that|it|one|them|same)\b/;

/** The message without a booking recalled beside a request; undefined when there is none, or nothing else is asked. */
export function withoutRecalledBooking(raw: string): string | undefined {
  const m = RECALLED.exec(raw);
  if (!m) return undefined;
  const rest = `${raw.slice(0, m.index)} ${raw.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return /[a-z0-9]/.test(rest) && !REFERS_BACK.test(rest) ? rest : undefined;
}

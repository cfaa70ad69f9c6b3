// A move set against a cancel in the same words: "meant to say reschedule not cancel", "i want to
// move it, not cancel it", "reschedule instead of cancelling". The "not cancel" after the move
// would read as a refusal of the cancel with nothing asked after it; said the other way round
// ("dont cancel, reschedule"), the refusal comes first and the move after it is the request
// (keptThenAsked in index.ts), which is what the customer meant.
// "cancel it, not reschedule" (the cancel wanted) and "dont cancel" alone are left as they are.

/** The move wanted: the verb, with the booking it names ("it", "my appt"). */
const MOVE = String.raw`(?<move>(?:reschedule|rebook|move|change|push|switch)(?: (?:it|that|this|mine|my (?:appt|appointment|booking|\w+)|the (?:appt|appointment|booking|time|date|day)))?)`;
/** The cancel let go of: "not cancel", "not cancel it", "instead of cancelling", "rather than cancel". */
const NOT_CANCEL = String.raw`(?:not|instead of|rather than|not to)(?: (?:a|the))? (?:cancel(?:l?ing|l?ed|lation)?)(?: (?:it|that|this|mine|my \w+|the \w+))?`;
const MOVE_NOT_CANCEL = new RegExp(String.raw`\b${MOVE}[ ,;-]*\b${NOT_CANCEL}\b`, 'i');

/** "meant reschedule not cancel!! fri 10am?" said as "dont cancel, reschedule!! fri 10am?"; the text unchanged otherwise. */
export function moveNotCancel(text: string): string {
  if (typeof text !== 'string') return text;
  const m = MOVE_NOT_CANCEL.exec(text);
  if (!m?.groups) return text;
  return `dont cancel, ${m.groups.move}${text.slice(m.index + m[0].length)}`;
}

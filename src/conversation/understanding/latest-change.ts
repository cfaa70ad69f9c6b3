// "whats the latest i can change my saturday appt", "how late can i still cancel", "how last
// minute can i reschedule", "until when can i move it": how close to a booking it may still be
// changed, which is the notice policy. Without this, "the latest" reads as the last opening of
// the day named and the question as a request for a new time. Read on the simplified text.

const CHANGE = String.raw`(cancel|change|move|reschedule|resched|switch|push|bump)`;
const WHO = String.raw`(i|we|u|you|ya)`;
const MAY = String.raw`(can|could|may|should|am i allowed to|are we allowed to|r we allowed to)`;

const LATEST_CHANGE = new RegExp(
  [
    // "whats the latest i can change", "what's the last minute we could cancel", "whens the cutoff to move it"
    String.raw`\b(what'?s|whats|what is|when'?s|whens|when is) the (latest|last minute|last possible (time|moment|minute)|cut ?-?off|deadline)( time| point| moment| day| hour)?( that| when)? (${WHO} ${MAY} (still )?|to |for (a )?)${CHANGE}`,
    // "how late can i still cancel", "how last minute can we reschedule", "how close to the appt can i move it"
    String.raw`\bhow (late|last[ -]?minute|close( to (it|the (appt|appointment|day|time)|my (appt|appointment)))?) ${MAY} ${WHO} (still )?${CHANGE}`,
    // "how late is too late to cancel"
    String.raw`\bhow (late|last[ -]?minute) is too (late|last[ -]?minute)\b`,
    // "until when can i cancel", "till what time can we move it", "by when do i have to cancel"
    String.raw`\b(until|till|til|up (un)?til) (when|what time|what point) ${MAY} ${WHO} (still )?${CHANGE}`,
    String.raw`\bby when (do|should|must|would) ${WHO} (have to |need to |gotta )?${CHANGE}`,
  ].join('|'),
);

/** The message asks how late a booking may still be changed or canceled (the notice policy). */
export function asksLatestChange(s: string): boolean {
  return LATEST_CHANGE.test(s);
}

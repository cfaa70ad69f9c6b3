// "what time is my color on the 9th again? i know the cut is at 2", "when is my next hair appt,
// I think it's before new year?": the customer asks about a booking they have and adds what they
// already know or guess of it (or of another one). The remark asks nothing: its service, day or
// hour would otherwise be read as the booking asked, or as a new one. Only the question is read.
// A remark that asks or changes something ("i think i need to move it") is no remark: it is kept.

// The question: when or at what time one's own booking is ("what time is my color", "when's our appt").
const OWN_QUESTION = /^\s*(?:(?:hi|hey|hello|ok|so|um|quick q(?:uestion)?)[,!:\s]+)*(?:what time|wat time|when|what day|which day)(?:'?s| is| was| are| r)? (?:my|our)\b[^?!.]*$/i;
// What is known or guessed: "i know the cut is at 2", "pretty sure it's the 9th", "i think its before new year".
const KNOWN = /^\s*(?:(?:and|but|cause|cuz|bc|because|like)\s+)?(?:i know|i think|i believe|i thought|i'?m (?:pretty |fairly )?sure|im (?:pretty |fairly )?sure|pretty sure|think|if i remember(?: right)?)\b[,\s]*(?:that )?(?:it'?s|its|it is|it was|it'?ll be|the [a-z]+ (?:is|was|'?s)|my [a-z]+ (?:is|was|'?s)|that'?s|that one'?s|one is|[a-z]+'?s at)\b[^?!]*[?!.]*\s*$/i;
// Words that would make the remark a request after all.
const ASKS_CHANGE = /\b(?:move|push|cancel|change|reschedule|book|switch|add|instead|can (?:i|we|u|you)|could (?:i|we|u|you)|need to|want to|wanna)\b/i;

/** The question alone, when a booking question is followed by what the customer knows of it; else the text. */
export function withoutKnownRemark(text: string): string {
  if (typeof text !== 'string') return text;
  const m = /^([^?!.]*?)(?:\?+|!+|\.+|,)\s*([^]*)$/.exec(text.replace(/\u2019/g, "'"));
  const [, question = '', remark = ''] = m ?? [];
  if (!remark || !OWN_QUESTION.test(question) || !KNOWN.test(remark) || ASKS_CHANGE.test(remark)) return text;
  return `${question.trim()}?`;
}

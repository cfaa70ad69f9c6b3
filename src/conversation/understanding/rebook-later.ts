// "just cancel it, i'll rebook later", "cancel, will reschedule when i know my shifts": the
// customer says they will book again themselves, some other time. That clause asks for
// nothing now, so it is taken out before the rules read the message: its "rebook" or
// "reschedule" would otherwise turn a cancel into a move.

const SUBJECT = String.raw`(?:i'?ll|ill|i will|i can|i'?m gonna|im gonna|i'?m going to|gonna|will|maybe i'?ll|i might|i may)`;
const REBOOK = String.raw`(?:re-?book|re-?schedule|book(?: again| another(?: one| time)?| a new one)?|make (?:a new|another) (?:one|appointment|appt)|call(?: you)?(?: back)?|text(?: you)?(?: back)?|reach out)`;
const LATER = String.raw`(?:later(?: on)?|another time|some ?other time|at a later (?:date|time)|another day|some ?time|soon|down the road|in a bit|when\b|once\b|after\b|if\b|next (?:week|month|time))`;

/** "i'll rebook later", "will reschedule when i know", "i'll call to rebook": to the end of the message. */
const BY_THEMSELVES = new RegExp(String.raw`\b${SUBJECT}(?: just| probably| prob| try to| try and)? ${REBOOK}(?: (?:to|and) (?:re-?book|re-?schedule))?(?: it| one| that)?(?: (?:myself|on my own))? ${LATER}.*$`);
/** "i'll call to rebook", "will text you to reschedule": by another way, so nothing now. */
const BY_CALLING = new RegExp(String.raw`\b${SUBJECT}(?: just| probably)? (?:call|text|reach out|get back to you)(?: you| back)* (?:to|and) (?:re-?book|re-?schedule|book)\b.*$`);
/** "rebook later", "reschedule another time" said without a subject. */
const BARE = new RegExp(String.raw`\b(?:re-?book|re-?schedule)(?: it| one)? ${LATER}.*$`);

/** The message without a clause saying the customer will book again later themselves. */
export function withoutRebookLater(text: string): string {
  const out = text.replace(BY_THEMSELVES, ' ').replace(BY_CALLING, ' ').replace(BARE, ' ').replace(/[\s,.;:!-]+$/, '');
  return out.trim() === '' ? text : out;
}

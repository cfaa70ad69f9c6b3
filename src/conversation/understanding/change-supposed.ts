// A change only supposed, with what would happen then as the question: "if something comes up the
// morning of can i still cancel", "in case anything pops up do i pay if i cancel", "if my kid gets
// sick can we still reschedule or is there a fee". Nothing is cancelled or moved: the customer asks
// the rules (policy-question.ts answers them). A new day or hour said for the change ("if something
// comes up can i move it to friday") asks for that move, and a plain "cancel saturday" is a request.

const CHANGE = String.raw`(cancel|change|move|reschedule|resched|push)\w*`;
/** A new day or hour after the change: the move itself asked for. */
const NEW_TIME_AFTER = String.raw`(?!.*\b(to|for|into) (mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|next|the \d|\d))`;

const SUPPOSED_CHANGE = new RegExp(
  [
    // "if something comes up", "in case anything pops up", "if smth happens", then the change asked about.
    String.raw`\b(if|in case|incase|what if|say) (something|anything|smth|sth|stuff|life|an emergency|an? (issue|problem)) (comes?|came|pops?|popped|happens?|happened|gets?|got) ?(up|in the way)?\b.*\b${CHANGE}\b${NEW_TIME_AFTER}`,
    // "if i get sick", "if my son is sick", "if the kids get sick", then the change asked about.
    String.raw`\b(if|in case|incase|what if) (i|we|my \w+|the \w+|he|she|they) (get|gets|got|am|is|are|'m|'s|'re|wake up|wakes up|fall|falls) (sick|ill|unwell|a cold|covid)\b.*\b${CHANGE}\b${NEW_TIME_AFTER}`,
    // "can i still cancel ... or is there a fee", "could we still move it or do u charge": a fee as the other answer.
    String.raw`\b(can|could|may) (i|we) still ${CHANGE}\b.*\bor (is|will|would) there (be )?(a |any )?(fee|charge|penalty|cost)\b`,
    String.raw`\b(can|could|may) (i|we) still ${CHANGE}\b.*\bor (do|will|would) (you|u|i|we) (charge|get charged|be charged|have to pay|need to pay|pay)\b`,
  ].join('|'),
);

/** The message supposes a change and asks its rules, not for the change now. */
export function supposesChange(s: string): boolean {
  return SUPPOSED_CHANGE.test(s);
}

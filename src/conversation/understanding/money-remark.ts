// "just a trim, my budget this month lol", "im broke this week haha", "money's tight this month":
// the customer says how their money stands, and the period there dates the money, not the visit
// (as mood-today.ts does for "so tired today"). A period in a clause of its own that asks for a
// time ("can i come in this week, i'm broke") stays the visit's.

// What is said of money: a budget, being broke, spending, paying.
const MONEY = String.raw`(?:budget|money|cash|funds|broke|skint|spent|spending|paycheck|pay ?check|payday|bills|expensive|pricey|tight on (?:money|cash))`;
const PERIOD = String.raw`(?:this|that) (?:week|month|year)|rn|right now|lately`;
// One clause (no stop inside) holding both the money words and the period, either first.
const MONEY_DATED = new RegExp(String.raw`(?<=^|[,.;!?(-]\s*|\b(?:and|but|so|cause|cuz|bc|because) )[^,.;!?()]*?\b(?:${MONEY}\b[^,.;!?()]*?\b(?:${PERIOD})|(?:${PERIOD})\b[^,.;!?()]*?\b${MONEY})\b`, 'g');
// Words that make the clause a request after all.
const ASKS = /\b(?:book|come in|get in|appt|appointment|available|openings?|free|can|could|any|anything|move|cancel)\b/;

/** The text with the period of a money remark set aside; else as it was. */
export function withoutMoneyDated(text: string): string {
  return text.replace(MONEY_DATED, (clause) => (ASKS.test(clause) ? clause : clause.replace(new RegExp(String.raw`\b(?:${PERIOD})\b`, 'g'), ' ')));
}

import { DAY_WORD, MONTH } from './shorthand.ts';

// "hope ur having a good week, it's been crazy with my mom visiting, anyway could i move my color
// from the 16th to the 18th": the talk before "anyway" only leads up to the request. Its words
// ("my mom", "the holidays") would read as someone else's booking or as a time, so it is set
// aside, but only when it asks nothing and names no time itself, and a time follows it.

const BRIDGE = /\b(?:anyway|anyways|anyhow)\b[,:!.\s-]*/g;
// Words that make the talk a request or a booking of its own: then it is no mere lead-up.
const ASKS = /\b(?:book|cancel|move|change|reschedule|switch|push|bump|appt|appointment|booking|needs?|wants?|wanted|get|getting|could|can|would|will|pls|please)\b|\?/;
const NAMES_TIME = new RegExp(String.raw`\d|\b(?:${DAY_WORD}|${MONTH})\b|\b(?:next|this) (?:week|month)\b`);

/** The text from the first "anyway" on, when what is before it is talk that asks nothing and names no time; else as it was. */
export function withoutAsideBeforeAnyway(text: string): string {
  for (const m of text.matchAll(BRIDGE)) {
    const aside = text.slice(0, m.index);
    const rest = text.slice(m.index + m[0].length);
    if (!aside.trim() || !rest.trim()) continue;
    if (ASKS.test(aside) || NAMES_TIME.test(aside) || !NAMES_TIME.test(rest)) return text;
    return rest;
  }
  return text;
}

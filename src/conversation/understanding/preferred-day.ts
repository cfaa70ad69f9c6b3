// "i can do wed or thurs, thurs better actually", "mon or tues, prefer tues", "fri or sat
// (sat ideally)": of the days offered, the one said to suit better is the day asked. The
// reader takes the first day of a list, so the list is spelled as the preferred day alone.
import { DAY_WORD, weekdayNumber } from './shorthand.ts';

const DAY = `(?:${DAY_WORD})`;
// "wed or thurs", "fri/sat", "either sat or sun" (a comma may already be the preference: "wed or thurs, thurs better").
const DAYS_OFFERED = new RegExp(String.raw`\b(?:either )?${DAY}(?:(?:,? or|\s?/\s?) (?:on )?${DAY})+\b`);
// How a day is said to suit better, after it or before it.
const PREFERRED = new RegExp(
  [
    String.raw`\b(${DAY}) (?:(?:is|would be|works|'?d be|prob|probably|is prob) )?(?:better|best|preferred|preferably|ideally|ideal)\b`,
    String.raw`\b(?:prefer(?:ably)?|ideally|rather|pref|preferrably) (?:the )?(?:on )?(${DAY})\b`,
  ].join('|'),
);

/** "wed or thurs, thurs better" as "thurs, thurs better"; the text as said when no listed day is preferred. */
export function spellPreferredDay(t: string): string {
  const offered = DAYS_OFFERED.exec(t);
  if (!offered) return t;
  const after = t.slice(offered.index + offered[0].length);
  const preferred = PREFERRED.exec(after);
  const day = preferred?.[1] ?? preferred?.[2];
  if (!day || !isListed(day, offered[0])) return t;
  return t.slice(0, offered.index) + day + after;
}

function isListed(day: string, list: string): boolean {
  const listed = list.match(new RegExp(DAY, 'g')) ?? [];
  return listed.some((d) => d === day || (weekdayNumber(d) !== undefined && weekdayNumber(d) === weekdayNumber(day)));
}

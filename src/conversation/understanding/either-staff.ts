// "lee or dana doesn't matter", "dana or lee, whoever's free": two people named as
// alternatives are no choice of either one; whoever is free will do.
import type { StaffEntry } from './types.ts';
import { simplify, words } from './text.ts';

/** The message names two staff members joined by "or" (first names, as customers write them). */
export function namesEitherStaff(text: string, staff: readonly StaffEntry[]): boolean {
  const firsts = staff.map((m) => words(simplify(String(m?.name ?? '')))[0]).filter((f): f is string => Boolean(f) && /^[a-z]+$/.test(f!));
  if (firsts.length < 2) return false;
  const name = `(?:${firsts.join('|')})`;
  const m = new RegExp(`\\b(${name}) or (?:with )?(${name})\\b`).exec(simplify(text));
  return Boolean(m && m[1] !== m[2]);
}

// "if she doesn't do those lee is fine", "or lee if she's busy", "otherwise lee": the other
// person is a second choice, taken only when the one asked for has nothing at that time.
const FALLBACK_CUE = String.raw`\b(?:if (?:not|no\b|(?:she|he|they|[a-z]+)(?:'?s| is| are|'?re)? (?:not|busy|booked|off|out|unavailable|full)|(?:she|he|they|[a-z]+) (?:doesn'?t|does not|don'?t|do not|can'?t|cannot|isn'?t|aren'?t|won'?t))|otherwise|or else|else|as (?:a )?back ?up)\b`;
const SECOND_CHOICE = String.raw`(?:is|are|'?s|would be|works|would work)? ?(?:fine|ok|okay|good|great|cool)?(?: too| as well)?`;

/**
 * The staff member named as a second choice after `first`, who was asked for: named after a
 * cue that the first may not be free ("if she's busy lee is fine", "lee works if not").
 */
export function fallbackStaff(text: string, staff: readonly StaffEntry[], first: StaffEntry): StaffEntry | undefined {
  const s = simplify(text);
  const firstName = words(simplify(String(first.name ?? '')))[0];
  for (const member of staff) {
    const name = words(simplify(String(member?.name ?? '')))[0];
    if (member === first || !name || !firstName || !/^[a-z]+$/.test(name) || s.indexOf(name) < s.indexOf(firstName)) continue;
    const cueThenName = new RegExp(`${FALLBACK_CUE}[\\w' ]{0,30}?\\b(?:then |just |go with |try |with )?${name}\\b ?${SECOND_CHOICE}`);
    const nameThenCue = new RegExp(`\\b(?:or |else )?${name} ${SECOND_CHOICE} ?${FALLBACK_CUE}`);
    if (cueThenName.test(s) || nameThenCue.test(s)) return member;
  }
  return undefined;
}

/**
 * Who is asked for and who is the second choice, when `named` (the staff member the message
 * names) is either: "lee fri at 2, otherwise dana" asks for Lee whatever the catalog's order.
 */
export function askedAndFallback(text: string, staff: readonly StaffEntry[], named: StaffEntry): { asked: StaffEntry; fallback?: StaffEntry } {
  const fallback = fallbackStaff(text, staff, named);
  if (fallback) return { asked: named, fallback };
  const asked = staff.find((other) => other !== named && fallbackStaff(text, staff, other) === named);
  return asked ? { asked, fallback: named } : { asked: named };
}

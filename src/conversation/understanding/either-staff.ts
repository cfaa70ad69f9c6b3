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

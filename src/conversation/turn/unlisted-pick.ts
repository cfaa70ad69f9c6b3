import type { Proposal } from '../state.ts';
import { understand, type UnderstandContext, type Understanding } from '../understanding/index.ts';

// A summary proposed at once for the time the customer named has no list behind it: it is
// the one option on screen, and customers answer it as they would answer a list. "1", "lets
// do 1", "the first one" pick that option (never the hour 1 PM nor the first of offers the
// customer never saw), and "330" says its time again: as after any pick, that summary is
// asked again with its hold kept (restates-proposal.ts), and the next yes books it.

/** The message read as an answer to a list of one option: the summary's. */
export function readAsOnlyOption(text: string, ctx: Omit<UnderstandContext, 'expecting' | 'optionCount'>): Understanding {
  return understand(text, { ...ctx, expecting: 'choice', optionCount: 1 });
}

/** The pick is of that only option and names nothing the proposal does not have. */
export function picksTheOnlyOption(u: Understanding, p: Proposal): boolean {
  if (p.kind === 'cancel' || u.intent !== 'choose' || u.choiceIndex !== 0 || u.answer === 'no') return false;
  if (u.when || u.choiceTime || u.shift || u.also || u.abandons) return false;
  if (u.serviceId && u.serviceId !== p.serviceId) return false;
  return !u.staffId || p.resourceIds.includes(u.staffId);
}

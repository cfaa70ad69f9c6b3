import { normalize } from './text.ts';
import type { Intent } from './types.ts';

// While an intake question waits for its answer, a message may be no answer at all: a
// question ("what time was that again?", "where are you located?") or a change of mind
// ("actually make it friday", "can i have a haircut instead"). Those are never stored as
// the answer; the question is asked again once they are dealt with.

// Openers that do not change what the message is ("wait, what time was that?").
const OPENER = /^(?:(?:wait|sorry|oh|um+|uh+|hmm+|ok|okay|and|also|btw|quick question|actually|hey)[ ,.!?-]*)+/;
// "whats", "wheres": questions typed without the apostrophe.
const QUESTION_WORD = /^(what|whats|wats|when|whens|where|wheres|which|who|whos|how|hows|why|do|does|did|is|are|can|could|will|would|should|r)\b/;
// "what time was that", "when is it again", "which day did i pick": the time being booked.
const ASKS_TIME = /\b(what|which) (time|day|date)\b|\bwhen\b|\bwhat was (it|that)\b/;
const ABOUT_IT = /\b(it|that|this|again|was|were|the (appointment|appt|booking|slot)|my (appointment|appt|booking|slot)|i (pick|picked|chose|choose|book|booked|said|asked for|got))\b/;
// "actually", "instead", "make it", "a color would be better": what follows replaces what was asked.
const CHANGE = /\b(actually|instead|change|different|another|rather|(would|will|'d) be better|prefer|make it|switch|can we do|could we do|how about|what about)\b/;

// "can we do 11 instead", "make it 3": a bare hour with these words is a new time, not an answer.
const NEW_HOUR = /\b(instead|make it|(can|could) (we|i) do|how about|what about|switch (it )?to|change (it )?to)\b/;

export type IntakeAside = 'asks_time_held' | 'question' | 'changes_request';

/**
 * What a message is instead of an answer, or undefined when it is (or may be) the answer.
 * `intent` is the understanding's reading; `changes` says whether it names another day,
 * time, service or staff member than the one being booked; `number`, a number standing alone.
 */
export function intakeAside(text: string, read: { intent: Intent; changes: boolean; number?: number }): IntakeAside | undefined {
  const s = normalize(text);
  const core = s.replace(OPENER, '');
  const asking = /\?\s*$/.test(s) || QUESTION_WORD.test(core);
  if (asking && ASKS_TIME.test(core) && ABOUT_IT.test(core) && !read.changes) return 'asks_time_held';
  if (read.changes && CHANGE.test(s)) return 'changes_request';
  if (read.number !== undefined && isHour(read.number) && NEW_HOUR.test(s)) return 'changes_request';
  if (asking && (read.intent === 'business_info' || read.intent === 'my_appointments')) return 'question';
  return undefined;
}

function isHour(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 12;
}

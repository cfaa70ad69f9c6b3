import type { ChatMessage } from '../../state.ts';

// "can i move my" / "appt on sat to 3:30 sorry hit send too early": a text that stops on a word
// no sentence ends on (a possessive, an article, a conjunction) was sent before it was finished;
// the customer's next text is its rest, so the two are read as one request. A preposition ends
// a question whole ("what day did i book my trim for", "who am i with"), and nothing else.
const UNFINISHED_END = /\b(?:my|our|your|the|a|an|and|or|his|their)$/;
const PREPOSITION_END = /\b(?:to|for|at|on|from|with|of)$/;
const QUESTION_OPENS = /^(?:\W*(?:hi|hey|ok|so|and|also|um+|oh)\W+)*(?:what|what's|whats|which|who|whom|where|when|how)\b/;

/** The customer's last text, after the text it finishes when the one before was cut short. */
export function completedText(history: ChatMessage[]): string {
  const said = history.filter((m) => m.role === 'user').map((m) => m.content);
  const last = said[said.length - 1] ?? '';
  const before = said[said.length - 2];
  return before !== undefined && cutShort(before) && !cutShort(last) ? `${before.trim()} ${last.trim()}` : last;
}

function cutShort(text: string): boolean {
  const said = text.trim().toLowerCase();
  return UNFINISHED_END.test(said) || (PREPOSITION_END.test(said) && !QUESTION_OPENS.test(said));
}

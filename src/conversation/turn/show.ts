import type { Display } from '../outcome.ts';
import { MAX_TEXT } from './read-inbound.ts';
import type { Shown, Turn } from './context.ts';

// Sending something keeps the conversation state in step with it: what the reply asks
// for (`expecting`) and the model's transcript (`history`).

/** Sends a display: what it asks for becomes what the next message is read as. */
export function show(turn: Turn, d: Display, userText?: string): Shown {
  turn.state.expecting = d.expecting;
  const o = { messages: d.messages, ...(d.choices?.length ? { choices: d.choices } : {}) };
  return userText === undefined ? o : remember(turn, userText, o);
}

/** Keeps the model's transcript in step with what the customer saw. */
export function remember(turn: Turn, userText: string, o: Shown): Shown {
  turn.state.history.push({ role: 'user', content: userText.slice(0, MAX_TEXT) }, { role: 'assistant', content: o.messages.join('\n'), toolCall: null });
  return o;
}

import { parseState } from './state.ts';

// The one thing outside the conversation layer needs from its private state: which
// location the conversation is about (to name the zone of the times a reply shows).

/** The pending proposal's location, else the first offer's; null when the state names none. */
export function locationInFocus(rawState: unknown): string | null {
  const state = parseState(rawState);
  return state.proposal?.locationId ?? state.offers[0]?.locationId ?? null;
}

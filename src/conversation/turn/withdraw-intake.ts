import type { TurnEnv } from '../env.ts';
import { discardProposal } from '../proposal/discard.ts';
import { T2 } from '../templates.ts';
import { understand } from '../understanding/index.ts';
import { keepsOnlyBooked } from '../understanding/only-booked-kept.ts';
import type { Shown, Turn } from './context.ts';
import { remember } from './show.ts';

// While a booking's intake questions are being asked, its time is held. "actually nvm,
// dont book anything" is no answer to the question: the customer takes the booking back,
// so the proposal is dropped and its hold released now, not left to expire. A new request
// after the words ("nvm, book a haircut instead") goes on to the model as usual. So is "nah, just
// the color" when the booking was placed beside the customer's color: only that one is kept.

/** Drops the booking whose intake questions are open when the message takes it back; null otherwise. */
export function withdrawDuringIntake(turn: Turn, env: TurnEnv): Shown | null {
  const pending = turn.state.proposal;
  if (!pending || pending.awaiting !== 'intake') return null;
  const { text } = turn.inbound;
  const { catalog } = env;
  // Read as a message on its own (not as the answer), so "nvm" is a take-back and not a no.
  const u = understand(text, { now: env.clock(), timeZone: catalog.business.timeZone, services: catalog.services, staff: catalog.staff, expecting: null });
  const memory = turn.state.providerMemory as { flow?: string; serviceId?: string; besideServiceId?: string };
  const takesBack = (u.intent === 'decline' && u.abandons && !u.serviceId && !u.staffId && !u.when && !u.also) || keepsOnlyBooked(u, memory, text);
  if (!takesBack) return null;
  discardProposal(env);
  turn.state.offers = [];
  turn.state.expecting = null;
  turn.state.providerMemory = {};
  return remember(turn, text, { messages: [T2.nothingBooked] });
}

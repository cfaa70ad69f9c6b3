import { DateTime } from 'luxon';
import type { TurnEnv } from '../env.ts';
import { parseYesNo } from '../understanding/index.ts';
import { normalize } from '../understanding/text.ts';
import { commitConfirmed } from './commit-confirmation.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';
import { runProvider } from './run-provider.ts';
import { show } from './show.ts';

// "cancel my color on the 8th and move my cut to friday": the provider takes up the first
// request and queues the second (state.nextRequest). Once the first is committed, the second
// is read as the customer's next message in the same turn, so the reply says what was done
// and then asks about the second: one change at a time, each on its own yes, none dropped.

// "yes both pls", "yes to all 3", "yes for all of us": the yes is to every booking of the plan said.
const ALL_OF_THEM = /\b(both|all( of (them|us|those|these|em))?|all (2|3|4|5|two|three|four|five)|every ?one|each of (them|us)|the (two|three|four|five) of (them|us))\b/;

/** After a commit this turn, the queued request is taken up and its reply follows the commit's. */
export async function takeUpNextRequest(deps: TurnDeps, turn: Turn, env: TurnEnv, shown: Shown): Promise<Shown> {
  const next = turn.state.nextRequest;
  const committed = turn.toolsCalled.some((t) => t.startsWith('commit_'));
  if (!next || !committed || turn.state.proposal) return shown;
  turn.state.nextRequest = null;
  const more = await runProvider(deps, turn, env, next);
  if (!yesToAll(turn) || !sameBookingAgain(turn, env)) return { ...more, messages: [...shown.messages, ...more.messages] };
  const booked = show(turn, await commitConfirmed(turn, env, turn.state.proposal!, 'text'));
  return takeUpNextRequest(deps, turn, env, { ...booked, messages: [...shown.messages, ...booked.messages] });
}

/** The customer's yes named them all ("yes both pls") while the people of one text were booked in turn. */
function yesToAll(turn: Turn): boolean {
  const text = turn.inbound.text;
  return parseYesNo(text) === 'yes' && ALL_OF_THEM.test(normalize(text));
}

/**
 * "me and my son both need cuts at 2", then "yes both": the proposal now on screen is the
 * next person's, exactly as the plan said (the same service, on the same day as the one just
 * booked; a time not free would have shown a list, not a proposal), so that yes is its yes too.
 */
function sameBookingAgain(turn: Turn, env: TurnEnv): boolean {
  const p = turn.state.proposal;
  if (!p || p.kind !== 'book' || p.awaiting !== 'confirmation' || !p.start) return false;
  const last = lastCommit(turn);
  const slug = env.catalog.services.find((s) => s.id === p.serviceId)?.slug;
  if (!last || last.name !== 'commit_book' || last.service !== slug || !last.start) return false;
  const zone = env.catalog.business.timeZone;
  return DateTime.fromISO(last.start, { zone }).toISODate() === DateTime.fromISO(p.start, { zone }).toISODate();
}

/** The last commit recorded this turn: its tool name, service slug and start. */
function lastCommit(turn: Turn): { name?: string; service?: string; start?: string } | undefined {
  for (let i = turn.transcript.length - 1; i >= 0; i--) {
    const calls = turn.transcript[i]!.toolCalls as Array<{ name?: string; service?: string; start?: string }> | undefined;
    const call = Array.isArray(calls) ? calls.find((c) => c?.name?.startsWith('commit_')) : undefined;
    if (call) return call;
  }
  return undefined;
}

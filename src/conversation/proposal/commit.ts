import type { TurnEnv } from '../env.ts';
import { actorFor } from '../identity.ts';
import { isOwn } from '../ownership.ts';
import type { Proposal } from '../state.ts';
import { T } from '../templates.ts';
import { commitBook } from './commit-book.ts';
import { commitCancel } from './commit-cancel.ts';
import type { Committed } from './committed.ts';
import { commitReschedule } from './commit-reschedule.ts';

// The only place a proposal becomes an appointment change, and only for the proposal the
// customer said yes to (the turn checks that). Everything goes through the Scheduler.

export type { Committed };

export async function commitProposal(env: TurnEnv, p: Proposal): Promise<Committed> {
  env.state.proposal = null;
  const actor = actorFor(env.identity);
  if (p.kind === 'book') return commitBook(env, p, actor);
  // The appointment may have changed hands since the proposal: ownership is checked again.
  const appt = p.appointmentId ? await env.scheduler.getAppointment(p.appointmentId) : null;
  if (!appt || !isOwn(env.identity, appt)) {
    return { result: { ok: false, kind: 'not_own' }, display: { messages: [T.refusal], expecting: null } };
  }
  return p.kind === 'reschedule' ? commitReschedule(env, p, appt, actor) : commitCancel(env, appt, actor);
}

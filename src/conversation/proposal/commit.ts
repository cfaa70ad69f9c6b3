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
  if (p.kind === 'reschedule') return commitReschedule(env, p, appt, actor);
  const first = await commitCancel(env, appt, actor);
  return p.alsoAppointmentIds.length ? commitCancelsAfter(env, first, p.alsoAppointmentIds, actor) : first;
}

/** "cancel both": the others canceled on the same yes, each checked to be the sender's again; one reply lists them all. */
async function commitCancelsAfter(env: TurnEnv, first: Committed, ids: string[], actor: ReturnType<typeof actorFor>): Promise<Committed> {
  const all = [first];
  for (const id of ids) {
    const appt = await env.scheduler.getAppointment(id);
    all.push(appt && isOwn(env.identity, appt) ? await commitCancel(env, appt, actor) : { result: { ok: false, kind: 'not_own' }, display: { messages: [T.refusal], expecting: null } });
  }
  return {
    result: { ok: all.every((c) => c.result.ok), canceled: all.map((c) => c.result) },
    display: { messages: all.flatMap((c) => c.display.messages), expecting: null },
    ...(first.locationId ? { locationId: first.locationId } : {}),
  };
}

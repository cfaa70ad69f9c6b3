import type { AppointmentView } from '../../engine/api.ts';
import { locationZone } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { newProposal, propose } from '../proposal/propose.ts';
import { askConfirmation } from '../proposal/show.ts';
import { T, formatWhen } from '../templates.ts';
import { ownAppointment } from './own-appointment.ts';
import type { ToolArgs } from './definitions.ts';

/**
 * Proposes canceling one of the customer's appointments, or several on one yes ("cancel
 * both"): every ref must be the sender's active appointment, or nothing is proposed.
 */
export async function cancelAppointment(env: TurnEnv, args: ToolArgs<'cancel_appointment'>): Promise<ToolOutcome> {
  const refs = [...new Set([args.appointment_ref, ...(args.also_refs ?? [])].map((r) => r.trim().toUpperCase()))];
  const appts: AppointmentView[] = [];
  for (const ref of refs) {
    const own = await ownAppointment(env, ref);
    if (!own.ok) return own.outcome;
    if (!appts.some((a) => a.id === own.appointment.id)) appts.push(own.appointment);
  }
  const first = appts[0]!;
  const when = (a: AppointmentView) => formatWhen(a.start, locationZone(env.catalog, a.locationId));
  discardProposal(env);
  const proposal = propose(env.state, {
    ...newProposal(env, 'cancel', first.serviceId),
    appointmentId: first.id,
    alsoAppointmentIds: appts.slice(1).map((a) => a.id),
    summary: appts.length === 1 ? T.proposeCancel(first.serviceName, when(first)) : T.proposeCancelSeveral(appts.map((a) => `${a.serviceName}, ${when(a)}`)),
  });
  return askConfirmation(proposal, 'danger');
}

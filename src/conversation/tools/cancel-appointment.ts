import { locationZone } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { newProposal, propose } from '../proposal/propose.ts';
import { askConfirmation } from '../proposal/show.ts';
import { T, formatWhen } from '../templates.ts';
import { ownAppointment } from './own-appointment.ts';
import type { ToolArgs } from './definitions.ts';

export async function cancelAppointment(env: TurnEnv, args: ToolArgs<'cancel_appointment'>): Promise<ToolOutcome> {
  const own = await ownAppointment(env, args.appointment_ref);
  if (!own.ok) return own.outcome;
  const appt = own.appointment;
  discardProposal(env);
  const proposal = propose(env.state, {
    ...newProposal(env, 'cancel', appt.serviceId),
    appointmentId: appt.id,
    summary: T.proposeCancel(appt.serviceName, formatWhen(appt.start, locationZone(env.catalog, appt.locationId))),
  });
  return askConfirmation(proposal, 'danger');
}

import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { liveOffer } from '../offers.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { fromOffer, newProposal, propose } from '../proposal/propose.ts';
import { askConfirmation } from '../proposal/show.ts';
import { T, formatSlotLabel, formatWhen } from '../templates.ts';
import type { ToolArgs } from './definitions.ts';
import { ownAppointment } from './own-appointment.ts';

export async function rescheduleAppointment(env: TurnEnv, args: ToolArgs<'reschedule_appointment'>): Promise<ToolOutcome> {
  const own = await ownAppointment(env, args.appointment_ref);
  if (!own.ok) return own.outcome;
  const found = liveOffer(env, args.offer_id);
  if (!found.ok) return found.outcome;
  const offer = found.offer;
  const appt = own.appointment;
  if (offer.serviceId !== appt.serviceId || (offer.forAppointmentId !== null && offer.forAppointmentId !== appt.id)) {
    return fail('offer_mismatch', 'That offer was found for a different service or appointment. Call find_slots with this appointment_ref.');
  }
  discardProposal(env);
  const from = formatWhen(appt.start, locationZone(env.catalog, appt.locationId));
  const to = formatSlotLabel(new Date(offer.start), locationZone(env.catalog, offer.locationId), staffName(env.catalog, offer.resourceIds));
  const proposal = propose(env.state, {
    ...newProposal(env, 'reschedule', appt.serviceId),
    ...fromOffer(offer),
    appointmentId: appt.id,
    summary: T.proposeReschedule(appt.serviceName, from, to),
  });
  return askConfirmation(proposal, 'primary');
}

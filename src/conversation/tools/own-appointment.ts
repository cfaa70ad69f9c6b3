import type { AppointmentView } from '../../engine/api.ts';
import type { TurnEnv } from '../env.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { isOwn } from '../ownership.ts';

/** The active appointment behind a ref from list_my_appointments, if it is the sender's. */
export async function ownAppointment(env: TurnEnv, ref: string): Promise<{ ok: true; appointment: AppointmentView } | { ok: false; outcome: ToolOutcome }> {
  const id = env.state.appointmentRefs[ref.trim().toUpperCase()];
  if (!id) {
    return { ok: false, outcome: fail('unknown_appointment', 'Only an appointment_ref from list_my_appointments in this conversation can be used.') };
  }
  const appt = await env.scheduler.getAppointment(id);
  if (!appt || !isOwn(env.identity, appt)) {
    return { ok: false, outcome: fail('not_found', 'No such appointment for this customer.') };
  }
  if (appt.status !== 'confirmed' && appt.status !== 'requested') {
    return { ok: false, outcome: fail('not_active', `That appointment is ${appt.status}.`, false) };
  }
  return { ok: true, appointment: appt };
}

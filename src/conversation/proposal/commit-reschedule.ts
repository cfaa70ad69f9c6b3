import type { Actor, AppointmentView } from '../../engine/api.ts';
import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { offersFromAlternatives } from '../offers.ts';
import type { Proposal } from '../state.ts';
import { RULE_TEXT, T, formatSlotLabel } from '../templates.ts';
import type { Committed } from './committed.ts';

/** Moves the customer's appointment to the proposed time. */
export async function commitReschedule(env: TurnEnv, p: Proposal, appt: AppointmentView, actor: Actor): Promise<Committed> {
  const changed = await env.scheduler.reschedule(appt.id, new Date(p.start!), actor, { resourceId: p.resourceIds[0] });
  if (changed.ok) {
    const a = changed.appointment;
    const c = env.catalog;
    env.state.offers = [];
    env.state.providerMemory = {};
    const moved = T.rescheduled(a.serviceName, formatSlotLabel(a.start, locationZone(c, a.locationId), staffName(c, a.resourceIds)));
    return {
      result: { ok: true, appointmentId: a.id, rescheduledFromId: appt.id, status: a.status },
      display: { messages: [T.withCalendar(moved, await env.calendarLink(a.id))], expecting: null },
      locationId: a.locationId,
    };
  }
  if (changed.kind === 'conflict') {
    const o = offersFromAlternatives(env, p.serviceId, changed.alternatives, T.slotTaken);
    // The new offers are new times for this appointment, not new bookings.
    for (const offer of env.state.offers) offer.forAppointmentId = appt.id;
    return { result: { ok: false, kind: 'conflict' }, display: o.display! };
  }
  return {
    result: { ok: false, kind: 'rule', rule: changed.rule },
    display: { messages: [T.commitFailed(RULE_TEXT[changed.rule] ?? 'that time cannot be booked.')], expecting: null },
  };
}

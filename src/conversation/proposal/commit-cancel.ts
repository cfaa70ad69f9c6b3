import type { Actor, AppointmentView } from '../../engine/api.ts';
import { locationZone } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { RULE_TEXT, T, formatSlotLabel } from '../templates.ts';
import type { Committed } from './committed.ts';

/** Cancels the customer's appointment, saying so when it was inside the late-cancel window. */
export async function commitCancel(env: TurnEnv, appt: AppointmentView, actor: Actor): Promise<Committed> {
  const canceled = await env.scheduler.cancel(appt.id, actor, `customer request via ${env.identity.channel}`);
  if (canceled.ok) {
    const msg = T.canceled(appt.serviceName, formatSlotLabel(appt.start, locationZone(env.catalog, appt.locationId)).trim());
    env.state.providerMemory = {};
    return {
      result: { ok: true, appointmentId: appt.id, status: 'canceled', lateCancel: canceled.lateCancel ?? false },
      display: { messages: [canceled.lateCancel ? `${msg} ${T.lateCancelNote}` : msg], expecting: null },
      locationId: appt.locationId,
    };
  }
  const reason = canceled.kind === 'rule' ? (RULE_TEXT[canceled.rule] ?? 'it could not be canceled.') : 'it could not be canceled.';
  return { result: { ok: false, kind: canceled.kind }, display: { messages: [T.commitFailed(reason)], expecting: null } };
}

import { DateTime } from 'luxon';
import type { AppointmentView } from '../../engine/api.ts';
import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import { myAppointments } from '../ownership.ts';
import { shortId } from '../short-id.ts';
import { formatSlotLabel } from '../templates.ts';

/** The sender's upcoming appointments under fresh short refs: the model never sees an appointment id. */
export async function listMyAppointments(env: TurnEnv): Promise<ToolOutcome> {
  const items = await myAppointments({ scheduler: env.scheduler, identity: env.identity, now: env.clock() });
  const refs: Record<string, string> = {};
  const taken = new Set<string>();
  const out = items.map((a) => {
    const ref = shortId(taken);
    taken.add(ref);
    refs[ref] = a.id;
    return { appointment_ref: ref, service: a.serviceName, label: appointmentLabel(env, a), status: a.status, start_local: localIso(env, a.start, a), end_local: localIso(env, a.end, a), staff: staffName(env.catalog, a.resourceIds) ?? null, location: locationText(env, a) };
  });
  env.state.appointmentRefs = refs;
  return { failure: false, result: { ok: true, appointments: out }, ...(items[0] ? { locationId: items[0].locationId } : {}) };
}

export function appointmentLabel(env: TurnEnv, a: AppointmentView): string {
  return `${a.serviceName}, ${formatSlotLabel(a.start, locationZone(env.catalog, a.locationId), staffName(env.catalog, a.resourceIds))}${a.status === 'requested' ? ' (requested)' : ''}`;
}

/** Where the appointment is: "Main St, 12 Main St, New York, NY". */
function locationText(env: TurnEnv, a: AppointmentView): string | null {
  const loc = env.catalog.locations.find((l) => l.id === a.locationId);
  return loc ? [loc.name, loc.address].filter(Boolean).join(', ') : null;
}

/** A start or end on the wall clock of the appointment's location ("right after my haircut" needs its end). */
function localIso(env: TurnEnv, at: Date, a: AppointmentView): string {
  return DateTime.fromJSDate(at, { zone: locationZone(env.catalog, a.locationId) }).toFormat("yyyy-MM-dd'T'HH:mm");
}

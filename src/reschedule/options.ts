import type { AppointmentView, Scheduler, Slot } from '../engine/api.ts';
import { DAY } from '../engine/time.ts';
import type { FlowDb, OfferOption } from './db.ts';

// The new times offered for an appointment whose provider is out, from the engine's
// own slot search (so every option obeys every rule, the change included): the same
// provider first, then others at the same location who are eligible, earliest first.

const SEARCH_DAYS = 14;
const SAME_PROVIDER = 2;
const OPTIONS = 4;

export async function offerOptions(deps: { db: FlowDb; scheduler: Scheduler; now: Date }, appt: AppointmentView): Promise<OfferOption[]> {
  const from = new Date(Math.max(deps.now.getTime(), appt.start.getTime() - DAY));
  const window = { service: appt.serviceId, from, to: new Date(from.getTime() + SEARCH_DAYS * DAY), locationId: appt.locationId, customerId: appt.customerId ?? undefined };
  const provider = appt.resourceIds[0];
  const same = provider ? await deps.scheduler.findSlots({ ...window, resourceId: provider, limit: SAME_PROVIDER }) : [];
  const others = (await deps.scheduler.findSlots({ ...window, limit: 50 })).filter((s) => s.resourceIds[0] !== provider);
  const picked = [...same, ...others.filter((s) => !same.some((x) => x.start.getTime() === s.start.getTime()))].slice(0, OPTIONS);
  return withNames(deps.db, picked);
}

async function withNames(db: FlowDb, slots: Slot[]): Promise<OfferOption[]> {
  const ids = [...new Set(slots.flatMap((s) => s.resourceIds))];
  const rows = await db.resource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true } });
  const staff = new Map(rows.filter((r) => r.kind === 'staff').map((r) => [r.id, r.name]));
  return slots.map((s) => ({
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    resourceIds: s.resourceIds,
    locationId: s.locationId,
    staffName: s.resourceIds.map((id) => staff.get(id)).find(Boolean) ?? null,
  }));
}

import type { FlowDb, OfferOption, OfferStatus } from './db.ts';
import { optionLabel } from './offer-notice.ts';

// A flow's progress as the admin API shows it: per affected appointment, where it
// stands (pending, messaged, rebooked, declined, escalated, unreachable), what was
// offered, and the exception or new appointment it led to.

const STATUSES: OfferStatus[] = ['pending', 'messaged', 'rebooked', 'declined', 'escalated', 'unreachable'];

export async function flowProgress(db: FlowDb, flowId: string) {
  const flow = await db.rescheduleFlow.findUnique({
    where: { id: flowId },
    include: { offers: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  if (!flow) return null;
  const appts = await db.appointment.findMany({
    where: { id: { in: flow.offers.map((o) => o.appointmentId) } },
    select: { id: true, startsAt: true, location: { select: { timeZone: true } } },
  });
  const byId = new Map(appts.map((a) => [a.id, a]));
  const counts = Object.fromEntries(STATUSES.map((s) => [s, flow.offers.filter((o) => o.status === s).length])) as Record<OfferStatus, number>;
  return {
    id: flow.id,
    resourceId: flow.resourceId,
    change: flow.change as Record<string, unknown>,
    createdBy: flow.createdBy,
    createdAt: flow.createdAt.toISOString(),
    counts,
    appointments: flow.offers.map((o) => {
      const appt = byId.get(o.appointmentId);
      const zone = appt?.location.timeZone ?? 'UTC';
      return {
        appointmentId: o.appointmentId,
        startsAt: appt?.startsAt.toISOString() ?? null,
        reason: o.reason,
        status: o.status as OfferStatus,
        options: (o.options as unknown as OfferOption[]).map((opt, i) => ({ number: i + 1, label: optionLabel(opt, zone), start: opt.start, staffName: opt.staffName })),
        channel: o.channel,
        messagedAt: o.messagedAt?.toISOString() ?? null,
        answerBy: o.answerBy?.toISOString() ?? null,
        settledAt: o.settledAt?.toISOString() ?? null,
        rebookedAppointmentId: o.rebookedAppointmentId,
        exceptionId: o.exceptionId,
      };
    }),
  };
}

import type { NoticeKind, NoticeResult, Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { readAppointmentFacts } from './appointment-facts.ts';

// Tells an appointment's customer what happened to it, on the channel that reaches
// them (customers are known by phone, so SMS; a colleague who booked in Slack gets a
// Slack DM), the same notice whichever surface made the change. Keyed by appointment and kind: a retried request sends nothing twice.

export interface NotifyCustomerDeps {
  db: PrismaClient;
  notifiers: Notifiers;
  log: Logger;
  /** The appointment's .ics link for its confirmation, or null when there is none to give (no public URL). */
  calendarUrl?: (appointmentId: string) => Promise<string | null>;
}

export type AppointmentNoticeKind = Extract<NoticeKind, 'confirmation' | 'cancellation'>;

/** Sends the notice, or says why not (null); never throws, so a change that committed is never reported as failed. */
export async function notifyCustomer(deps: NotifyCustomerDeps, kind: AppointmentNoticeKind, appointmentId: string): Promise<NoticeResult | null> {
  try {
    const subject = await readAppointmentFacts(deps.db, appointmentId);
    const to = subject?.recipient;
    const notifier = to ? deps.notifiers.forChannel(to.channel) : undefined;
    if (!subject || !to || !notifier) return null;
    if (kind === 'confirmation' && subject.facts.status !== 'confirmed') return null;
    const calendarUrl = kind === 'confirmation' ? await deps.calendarUrl?.(appointmentId) : null;
    const appointment = calendarUrl ? { ...subject.facts, calendarUrl } : subject.facts;
    return await notifier.send({ kind, to, idempotencyKey: `${kind}:${appointmentId}:${to.channel}`, appointment });
  } catch (err) {
    deps.log.error({ err, appointmentId, kind }, 'could not notify the customer');
    return null;
  }
}

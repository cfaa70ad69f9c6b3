import type { AppointmentFacts, Recipient } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';

// What a notice may say about an appointment, read from the committed record at the
// moment of sending (never from a model's text or an earlier copy).

export interface AppointmentNoticeSubject {
  facts: AppointmentFacts;
  customerPhone: string | null;
  /** Who is told about it: the Slack user who booked it in Slack (by DM), else the customer by SMS. */
  recipient: Recipient | null;
}

/** A booking made in Slack by a linked user is theirs to hear about in Slack; a customer's goes to their phone. */
function recipientOf(a: { channel: string; customer: { phone: string } | null; requester: { slackUserId: string | null } | null }): Recipient | null {
  if (a.channel === 'slack' && a.requester?.slackUserId) return { channel: 'slack', address: a.requester.slackUserId };
  return a.customer ? { channel: 'sms', address: a.customer.phone } : null;
}

export async function readAppointmentFacts(db: PrismaClient, appointmentId: string): Promise<AppointmentNoticeSubject | null> {
  const a = await db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      service: { select: { name: true } },
      location: { select: { name: true, address: true, timeZone: true, phone: true, business: { select: { name: true, phone: true } } } },
      channel: true,
      customer: { select: { phone: true } },
      requester: { select: { slackUserId: true } },
      reservations: { where: { resource: { kind: 'staff' } }, select: { resource: { select: { name: true } } }, take: 1 },
    },
  });
  if (!a) return null;
  return {
    customerPhone: a.customer?.phone ?? null,
    recipient: recipientOf(a),
    facts: {
      id: a.id,
      status: a.status,
      serviceName: a.service.name,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      timeZone: a.location.timeZone,
      locationName: a.location.name,
      locationAddress: a.location.address,
      contactPhone: a.location.phone ?? a.location.business.phone ?? null,
      businessName: a.location.business.name,
      staffName: a.reservations[0]?.resource.name ?? null,
    },
  };
}

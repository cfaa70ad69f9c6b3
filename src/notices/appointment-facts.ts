import type { AppointmentFacts } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';

// What a notice may say about an appointment, read from the committed record at the
// moment of sending (never from a model's text or an earlier copy).

export interface AppointmentNoticeSubject {
  facts: AppointmentFacts;
  customerPhone: string | null;
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
      customer: { select: { phone: true } },
      reservations: { where: { resource: { kind: 'staff' } }, select: { resource: { select: { name: true } } }, take: 1 },
    },
  });
  if (!a) return null;
  return {
    customerPhone: a.customer?.phone ?? null,
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

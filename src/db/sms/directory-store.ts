import type { DirectoryStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';

// What SMS replies are rendered with: the business's contact details, the zones of
// its locations, and which location a conversation or a customer is about. Only the
// conversation layer reads a conversation's state, so that answer is handed in.

export function createDirectoryStore(db: PrismaClient, conversationLocation: DirectoryStore['conversationLocation']): DirectoryStore {
  return {
    business: () => db.business.findFirst({ select: { name: true, phone: true, email: true, website: true }, orderBy: { createdAt: 'asc' } }),
    async activeLocations() {
      const rows = await db.location.findMany({
        where: { active: true },
        select: { id: true, timeZone: true, phone: true, business: { select: { phone: true } } },
      });
      return rows.map((l) => ({ id: l.id, timeZone: l.timeZone, phone: l.phone ?? l.business.phone }));
    },
    conversationLocation,
    async nextAppointmentLocation(phone, now) {
      const next = await db.appointment.findFirst({
        where: { customer: { phone }, status: { in: ['requested', 'confirmed'] }, startsAt: { gt: now } },
        orderBy: { updatedAt: 'desc' },
        select: { locationId: true },
      });
      return next?.locationId ?? null;
    },
  };
}

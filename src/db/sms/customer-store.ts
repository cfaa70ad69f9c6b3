import type { CustomerStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';
import { ensureCustomer } from './statements.ts';

// Customers as the SMS channel knows them: one row per E.164 phone, with opt-out state.

const customerSelect = { id: true, optedOut: true, language: true } as const;

export function createCustomerStore(db: PrismaClient): CustomerStore {
  return {
    byPhone: (phone) => db.customer.findUnique({ where: { phone }, select: customerSelect }),
    async optedOutAmong(phones) {
      const rows = await db.customer.findMany({ where: { phone: { in: [...new Set(phones)] }, optedOut: true }, select: { phone: true } });
      return new Set(rows.map((r) => r.phone));
    },
    async ensure(phone) {
      // Most messages come from known customers: read first, write only on first contact.
      const known = await db.customer.findUnique({ where: { phone }, select: customerSelect });
      if (known) return known;
      const s = ensureCustomer(phone);
      const [row] = await db.$queryRawUnsafe<Array<{ id: string; opted_out: boolean; language: string }>>(s.text, ...s.values);
      return { id: row!.id, optedOut: row!.opted_out, language: row!.language };
    },
    async setOptedOut(customerId, optedOutAt) {
      await db.customer.update({ where: { id: customerId }, data: { optedOut: optedOutAt !== null, optedOutAt } });
    },
    async upcomingAppointments(customerId, now) {
      const rows = await db.appointment.findMany({
        where: { customerId, status: { in: ['requested', 'confirmed'] }, startsAt: { gt: now } },
        select: { id: true, startsAt: true, service: { select: { name: true } }, location: { select: { timeZone: true } } },
        orderBy: { startsAt: 'asc' },
      });
      return rows.map((a) => ({ id: a.id, startsAt: a.startsAt, serviceName: a.service.name, timeZone: a.location.timeZone }));
    },
  };
}

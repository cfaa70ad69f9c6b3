import type { AppContext } from '../../context.ts';
import { maskPhone } from '../../log.ts';
import { raiseException } from './exceptions.ts';
import { formatWhenWithZone } from './render.ts';

// Opt-out state lives on the Customer (one row per E.164 phone). Whoever learns of
// an opt-out (the STOP keyword, or Twilio refusing a send with 21610) calls
// markOptedOut; staff get an Exception for every upcoming appointment, because
// the customer can no longer be reminded or asked by text.

/** The customer for a phone, created on first contact; concurrent first contacts converge on one row. */
export async function ensureCustomer(ctx: AppContext, phone: string): Promise<{ id: string; optedOut: boolean; language: string }> {
  // Most messages come from known customers: read first, write only on first contact.
  const known = await ctx.db.customer.findUnique({ where: { phone }, select: { id: true, optedOut: true, language: true } });
  if (known) return known;
  const rows = await ctx.db.$queryRaw<Array<{ id: string; opted_out: boolean; language: string }>>`
    INSERT INTO customer (phone) VALUES (${phone})
    ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone
    RETURNING id, opted_out, language`;
  const row = rows[0]!;
  return { id: row.id, optedOut: row.opted_out, language: row.language };
}

export async function markOptedOut(ctx: AppContext, phone: string, reason: string): Promise<void> {
  const now = ctx.clock();
  const customer = await ensureCustomer(ctx, phone);
  if (!customer.optedOut) {
    await ctx.db.customer.update({ where: { id: customer.id }, data: { optedOut: true, optedOutAt: now } });
    ctx.log.info({ to: maskPhone(phone), reason }, 'sms opt-out recorded');
  }
  const upcoming = await ctx.db.appointment.findMany({
    where: { customerId: customer.id, status: { in: ['requested', 'confirmed'] }, startsAt: { gt: now } },
    select: { id: true, startsAt: true, service: { select: { name: true } }, location: { select: { timeZone: true } } },
    orderBy: { startsAt: 'asc' },
  });
  for (const a of upcoming) {
    await raiseException(ctx.db, {
      type: 'opted_out_upcoming',
      appointmentId: a.id,
      customerId: customer.id,
      summary: `Customer opted out of SMS (${reason}) with an upcoming ${a.service.name} on ${formatWhenWithZone(a.startsAt, a.location.timeZone)}; reach them another way.`,
      details: { reason },
    });
  }
}

export async function markOptedIn(ctx: AppContext, phone: string): Promise<void> {
  const customer = await ensureCustomer(ctx, phone);
  if (customer.optedOut) {
    await ctx.db.customer.update({ where: { id: customer.id }, data: { optedOut: false, optedOutAt: null } });
    ctx.log.info({ to: maskPhone(phone) }, 'sms opt-in recorded');
  }
}

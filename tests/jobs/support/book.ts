import type { Fixture } from '../../conversation/support/fixture.ts';
import type { TestApp } from '../../support/app.ts';

/** Books a haircut for the customer with this phone (created on first use), as a texting customer would. */
export async function bookHaircut(app: TestApp, salon: Fixture, phone: string, start: string): Promise<string> {
  const customer = await app.t.db.customer.upsert({ where: { phone }, create: { phone }, update: {} });
  const r = await app.ctx.scheduler.book({
    service: salon.services.haircut,
    start: new Date(start),
    customerId: customer.id,
    channel: 'sms',
    actor: { type: 'customer', id: customer.id, channel: 'sms' },
  });
  if (!r.ok) throw new Error(`booking failed: ${r.message}`);
  return r.appointment.id;
}

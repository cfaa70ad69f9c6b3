import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import type { Orchestrator } from '../../src/contract/conversation.ts';
import { createLogger } from '../../src/log.ts';
import type { TestApp } from '../support/app.ts';

// The conversation as a texting customer reaches it (the SMS channel hands it each
// message with Twilio's MessageSid), on the test app's database, scheduler and clock.

export function textingCustomers(app: TestApp): { orchestrator: Orchestrator; text(phone: string, body: string, sid: string): Promise<string> } {
  const orchestrator = createOrchestrator({ db: app.t.db, scheduler: app.ctx.scheduler, clock: app.ctx.clock, log: createLogger('silent'), provider: createOfflineProvider() });
  return {
    orchestrator,
    async text(phone, body, sid) {
      const reply = await orchestrator.handle({ channel: 'sms', senderIdentity: phone, text: body, externalId: sid });
      return reply.messages.join('\n');
    },
  };
}

/** Books `service` with one staff member for the customer with this phone (created on first use), through the engine. */
export async function bookWith(app: TestApp, resourceId: string, service: string, phone: string, start: string): Promise<string> {
  const customer = await app.t.db.customer.upsert({ where: { phone }, create: { phone }, update: {} });
  const r = await app.ctx.scheduler.book({
    service,
    start: new Date(start),
    resourceId,
    customerId: customer.id,
    channel: 'sms',
    actor: { type: 'customer', id: customer.id, channel: 'sms' },
  });
  if (!r.ok) throw new Error(`booking failed: ${r.message}`);
  return r.appointment.id;
}

import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage, Orchestrator, OutboundReply } from '../../src/contract/conversation.ts';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../src/context.ts';
import { createSmsChannel } from '../../src/channels/sms/router.ts';
import { startBoss, stopBoss } from '../../src/jobs/boss.ts';
import { enqueueSmsReply, startSmsJobs } from '../../src/channels/sms/jobs.ts';
import { bossQueue } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, inboundParams, postSigned, type FakeTwilio } from '../channels/sms/helpers.ts';

// With a provider that may be slow (OpenAI), the webhook answers an empty TwiML at
// once and the reply goes out through Twilio's REST API from a pg-boss job, in
// the order the customer's messages arrived.

/**
 * A model that takes its time: nothing is answered until the test opens the gate (so a
 * webhook that waited for the model would never answer), and then the first message of
 * each sender is the slowest.
 */
class SlowOrchestrator implements Orchestrator {
  seen: string[] = [];
  private open!: () => void;
  gate = new Promise<void>((resolve) => (this.open = resolve));
  release() {
    this.open();
  }
  async end(): Promise<void> {}
  async handle(m: InboundMessage): Promise<OutboundReply> {
    this.seen.push(`${m.senderIdentity}:${m.text}`);
    await this.gate;
    await new Promise((r) => setTimeout(r, m.text.endsWith('1') ? 1500 : 20));
    return { conversationId: '', messages: [`Answer to ${m.text}`] };
  }
}

let app: TestApp;
let boss: PgBoss;
let twilioApi: FakeTwilio;
const orch = new SlowOrchestrator();

beforeAll(async () => {
  twilioApi = fakeTwilio();
  let channel: ReturnType<typeof createSmsChannel> | undefined;
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: '+15005550006', PUBLIC_URL },
    routers: (ctx) => {
      const sender = createSmsSender(smsDeps(ctx), { httpClient: twilioApi });
      channel = createSmsChannel({ ...smsDeps(ctx), orchestrator: orch, sender, replyMode: 'rest', enqueueReply: (job) => enqueueSmsReply(bossQueue(boss))(job) });
      return [{ path: '/webhooks/twilio', router: channel.router }];
    },
  });
  boss = await startBoss(app.t.url, app.ctx.log);
  await startSmsJobs(bossQueue(boss), { log: app.ctx.log, sender: createSmsSender(smsDeps(app.ctx), { httpClient: twilioApi }), processor: channel!.processor });
});
afterAll(async () => {
  await stopBoss(boss);
  await app.close();
});

describe('REST replies from a job', () => {
  it('keywords are still answered in the webhook itself', async () => {
    const res = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550503', 'HELP'));
    expect(await res.text()).toMatch(/<Message>.*Reply STOP to opt out/s);
  });

  it('answers empty TwiML at once, then sends each reply once, in order per sender', async () => {
    const a = '+12125550501';
    const b = '+12125550502';
    const msgs = [
      inboundParams(a, 'a1'),
      inboundParams(b, 'b1'),
      inboundParams(a, 'a2'),
      inboundParams(a, 'a3'),
      inboundParams(b, 'b2'),
    ];
    for (const p of msgs) {
      const res = await postSigned(app.url, '/webhooks/twilio/sms', p);
      expect(await res.text()).toMatch(/<Response\/>$/);
    }
    // A Twilio retry of a2 while the job works: no second reply.
    expect(await (await postSigned(app.url, '/webhooks/twilio/sms', msgs[2]!)).text()).toMatch(/<Response\/>$/);
    expect(twilioApi.requests).toHaveLength(0);
    orch.release();

    await expect.poll(() => twilioApi.requests.length, { timeout: 10_000, interval: 100 }).toBe(5);
    const sentTo = (n: string) => twilioApi.requests.filter((r) => r.data.To === n).map((r) => r.data.Body);
    expect(sentTo(a)).toEqual(['Answer to a1', 'Answer to a2', 'Answer to a3']);
    expect(sentTo(b)).toEqual(['Answer to b1', 'Answer to b2']);
    expect(orch.seen.filter((s) => s.startsWith(a))).toEqual([`${a}:a1`, `${a}:a2`, `${a}:a3`]);

    const rows = await app.t.db.outboundMessage.findMany({ where: { to: { in: [a, b] } } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.kind === 'reply_rest' && r.status === 'sent' && r.providerMessageId)).toBe(true);

    // Delivered later: the same sid again changes nothing.
    expect(await (await postSigned(app.url, '/webhooks/twilio/sms', msgs[0]!)).text()).toMatch(/<Response\/>$/);
    await new Promise((r) => setTimeout(r, 700));
    expect(twilioApi.requests).toHaveLength(5);
  });

});

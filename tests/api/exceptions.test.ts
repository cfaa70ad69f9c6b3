import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsNotifier } from '../../src/channels/sms/notifier.ts';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { createSmsChannel } from '../../src/channels/sms/router.ts';
import { smsDeps } from '../../src/context.ts';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import type { ModelProvider } from '../../src/conversation/providers/types.ts';
import { createSalon, type Fixture as Salon } from '../conversation/support/fixture.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, inboundParams, postSigned, type FakeTwilio } from '../channels/sms/helpers.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { NO_SUCH_ID } from './endpoints.ts';
import { json, snapshot } from './fixtures.ts';

// Acceptance for the ops inbox: each exception source, driven through its real path
// (a signed Twilio webhook into the real orchestrator, STOP, a failed-delivery status
// callback), appears in GET /exceptions once, is assigned, replied to and resolved,
// and every step is in the audit trail with the acting user.

const FROM = '+15005550006';
let app: TestApp;
let twilioApi: FakeTwilio;
/** Set while a test needs the model to be down. */
let modelDown = false;
let salon: Salon;
const users = {} as Record<'manager' | 'dana' | 'lee', { id: string; token: string }>;

interface View {
  id: string;
  type: string;
  status: string;
  appointmentId: string | null;
  conversationId: string | null;
  assigneeUserId: string | null;
  resolution: string | null;
  closedBy: string | null;
}
interface Detail extends View {
  conversation: { handedOff: boolean; lastMessages: Array<{ role: string; direction: string; text: string }> } | null;
  appointment: { id: string } | null;
  customer: { phone: string } | null;
  trail: Array<{ action: string; actorType: string; actorId: string | null; details: Record<string, unknown> }>;
}

beforeAll(async () => {
  twilioApi = fakeTwilio();
  const env = { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: FROM, PUBLIC_URL };
  app = await createTestApp({
    env,
    routers: (ctx) => {
      const offline = createOfflineProvider();
      const provider: ModelProvider = {
        name: offline.name,
        next: (req) => (modelDown ? Promise.reject(new Error('the model is down')) : offline.next(req)),
      };
      const orchestrator = createOrchestrator({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, log: ctx.log, provider });
      return [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator, sender: createSmsSender(smsDeps(ctx), { httpClient: twilioApi }) }).router }];
    },
    notifiers: (ctx) => [createSmsNotifier(createSmsSender(smsDeps(ctx), { httpClient: twilioApi }))],
  });
  salon = await createSalon(app.t.db);
  const mk = async (key: keyof typeof users, role: string, resourceId?: string) => {
    const user = await json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: key, role, resourceId } }), 201);
    const { token } = await json<{ token: string }>(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: key } }), 201);
    users[key] = { id: user.id, token };
  };
  await mk('manager', 'manager');
  await mk('dana', 'staff', salon.staff.dana);
  await mk('lee', 'staff', salon.staff.lee);
});
afterAll(() => app.close());

/** Sends one customer SMS through the signed webhook; returns the TwiML reply text. */
async function text(from: string, body: string): Promise<string> {
  const res = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(from, body));
  expect(res.status).toBe(200);
  return res.text();
}

const list = async (query: string, auth?: string) => (await json<{ items: View[]; nextCursor: string | null }>(await app.api(`/api/v1/exceptions?${query}`, { auth }), 200)).items;
const detail = (id: string, auth?: string) => app.api(`/api/v1/exceptions/${id}`, { auth }).then((r) => json<Detail>(r, 200));
const command = (id: string, step: string, body: unknown, auth?: string) => app.api(`/api/v1/exceptions/${id}/${step}`, { method: 'POST', auth, json: body });

/** An upcoming appointment on one staff member's schedule, stored the way the engine stores it. */
async function appointmentFor(phone: string, resourceId: string, daysAhead: number): Promise<string> {
  const customer = await app.t.db.customer.upsert({ where: { phone }, create: { phone }, update: {} });
  const startsAt = new Date(Date.now() + daysAhead * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const a = await app.t.db.appointment.create({
    data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: customer.id, startsAt, endsAt, channel: 'sms', ruleVersion: 1 },
  });
  await app.t.db.reservation.create({ data: { resourceId, appointmentId: a.id, sessionKey: a.id, blockStart: startsAt, blockEnd: endsAt } });
  return a.id;
}

/** Every table's fingerprint but api_token's, whose last_used_at moves with each request. */
const written = async () => {
  const s = await snapshot(app);
  delete s.api_token;
  return s;
};

const steps = (d: Detail) => d.trail.map((t) => [t.action, t.actorType, t.actorId]);

describe('human_requested: the customer asks for a person', () => {
  const ana = '+12125550401';
  let id: string;

  it('appears once, however often the customer writes while waiting', async () => {
    await text(ana, 'hi');
    expect(await text(ana, 'can I talk to a real person please')).toMatch(/passed this to our team/);
    expect(await text(ana, 'hello?')).toMatch(/Our team has your message/);
    const conversation = await app.t.db.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'sms', externalId: ana } } });
    const found = await list(`type=human_requested&status=open`);
    expect(found.filter((e) => e.conversationId === conversation.id)).toHaveLength(1);
    id = found.find((e) => e.conversationId === conversation.id)!.id;
  });

  it('is assigned by a manager, answered by the assignee on SMS, and the bot stays out', async () => {
    expect(await json<View>(await command(id, 'assign', { assigneeUserId: users.dana.id }, users.manager.token), 200)).toMatchObject({ status: 'assigned', assigneeUserId: users.dana.id });
    const sent = twilioApi.requests.length;
    const reply = await json<{ delivery: string; messageId: string }>(await command(id, 'reply', { text: 'Hi Ana, Dana here. What can I do for you?' }, users.dana.token), 200);
    expect(reply.delivery).toBe('sent');
    expect(twilioApi.requests.slice(sent)).toEqual([expect.objectContaining({ data: expect.objectContaining({ To: ana, Body: 'Bright Salon: Hi Ana, Dana here. What can I do for you?' }) })]);
    const d = await detail(id, users.dana.token);
    expect(d.conversation?.handedOff).toBe(true);
    expect(d.conversation?.lastMessages.at(-1)).toMatchObject({ role: 'staff', direction: 'outbound', text: 'Hi Ana, Dana here. What can I do for you?' });
    expect(await text(ana, 'I need to move my color appointment')).toMatch(/Our team has your message/);
  });

  it('is resolved by the assignee; the trail names each actor; the bot takes the conversation back', async () => {
    expect(await json<View>(await command(id, 'resolve', { reason: 'Moved her appointment by phone' }, users.dana.token), 200)).toMatchObject({
      status: 'resolved',
      resolution: 'Moved her appointment by phone',
      closedBy: users.dana.id,
    });
    const d = await detail(id);
    expect(steps(d)).toEqual([
      ['opened', 'system', 'conversation'],
      ['assigned', 'user', users.manager.id],
      ['replied', 'user', users.dana.id],
      ['resolved', 'user', users.dana.id],
    ]);
    expect(d.trail[2]!.details).toMatchObject({ messageId: expect.any(String), channel: 'sms', displayName: 'dana' });
    expect(await text(ana, 'hi')).not.toMatch(/Our team has your message/);
  });
});

describe('human_requested: the assistant gives up after repeated failures', () => {
  const dee = '+12125550404';
  let id: string;

  it('appears once when the model keeps failing', async () => {
    modelDown = true;
    try {
      const replies: string[] = [];
      for (const words of ['what is the meaning of life', 'and the universe', 'and everything', 'hello?']) replies.push(await text(dee, words));
      expect(replies.join('\n')).toMatch(/having trouble with this/);
    } finally {
      modelDown = false;
    }
    const conversation = await app.t.db.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'sms', externalId: dee } } });
    const found = (await list('type=human_requested')).filter((e) => e.conversationId === conversation.id);
    expect(found).toHaveLength(1);
    id = found[0]!.id;
    expect((await detail(id)).trail[0]).toMatchObject({ action: 'opened', details: { type: 'human_requested' } });
  });

  it('is taken, replied to and resolved by a manager, each step in the trail', async () => {
    await json(await command(id, 'take', {}, users.manager.token), 200);
    await json(await command(id, 'reply', { text: 'Sorry about that. How can I help?' }, users.manager.token), 200);
    await json(await command(id, 'resolve', { reason: 'Booked by phone' }, users.manager.token), 200);
    expect(steps(await detail(id))).toEqual([
      ['opened', 'system', 'conversation'],
      ['assigned', 'user', users.manager.id],
      ['replied', 'user', users.manager.id],
      ['resolved', 'user', users.manager.id],
    ]);
  });
});

describe('a dismissed hand-off', () => {
  it('gives the conversation back to the bot, as a resolved one does', async () => {
    const eve = '+12125550405';
    await text(eve, 'can I talk to a real person please');
    const conversation = await app.t.db.conversation.findUniqueOrThrow({ where: { channel_externalId: { channel: 'sms', externalId: eve } } });
    const [handoff] = (await list('type=human_requested&status=open')).filter((e) => e.conversationId === conversation.id);
    await json(await command(handoff!.id, 'dismiss', { reason: 'Customer sorted it out themselves' }, users.manager.token), 200);
    expect(await text(eve, 'hi')).not.toMatch(/Our team has your message/);
  });
});

describe('opted_out_upcoming: STOP with an upcoming appointment', () => {
  const ben = '+12125550402';
  let appointmentId: string;
  let id: string;

  it('appears once, however often the customer sends STOP', async () => {
    appointmentId = await appointmentFor(ben, salon.staff.dana, 3);
    await text(ben, 'STOP');
    await text(ben, 'STOP');
    const found = await list(`appointment=${appointmentId}`);
    expect(found.map((e) => [e.type, e.status])).toEqual([['opted_out_upcoming', 'open']]);
    id = found[0]!.id;
  });

  it('is taken by the staff member whose appointment it is, replied to (held back: the customer opted out) and resolved', async () => {
    // Lee's schedule does not hold this appointment: for Lee it does not exist.
    await json(await command(id, 'take', {}, users.lee.token), 404);
    expect(await list(`appointment=${appointmentId}`, users.lee.token)).toEqual([]);
    expect(await json<View>(await command(id, 'take', {}, users.dana.token), 200)).toMatchObject({ status: 'assigned', assigneeUserId: users.dana.id });
    const sent = twilioApi.requests.length;
    const reply = await json<{ delivery: string }>(await command(id, 'reply', { text: 'We will call you about Friday.' }, users.dana.token), 200);
    expect(reply.delivery).toBe('suppressed');
    expect(twilioApi.requests.length).toBe(sent);
    await json(await command(id, 'resolve', { reason: 'Called Ben; he keeps the appointment' }, users.dana.token), 200);
    const d = await detail(id);
    expect(d.customer?.phone).toBe(ben);
    expect(steps(d)).toEqual([
      ['opened', 'customer', expect.any(String)],
      ['assigned', 'user', users.dana.id],
      ['replied', 'user', users.dana.id],
      ['resolved', 'user', users.dana.id],
    ]);
    expect(d.trail[2]!.details).toMatchObject({ noticeStatus: 'suppressed' });
  });
});

describe('message_failed: Twilio reports a message undelivered', () => {
  const cy = '+12125550403';
  let appointmentId: string;
  let id: string;

  it('appears once, however often Twilio calls back', async () => {
    appointmentId = await appointmentFor(cy, salon.staff.lee, 2);
    const sender = createSmsSender(smsDeps(app.ctx), { httpClient: twilioApi });
    const { message } = await sender.send({ to: cy, body: 'Reminder: Haircut on Friday', kind: 'reminder', idempotencyKey: `reminder:${appointmentId}:1440:sms`, appointmentId });
    for (let i = 0; i < 2; i++) {
      const res = await postSigned(app.url, '/webhooks/twilio/status', { AccountSid: ACCOUNT_SID, MessageSid: message.providerMessageId!, MessageStatus: 'undelivered', ErrorCode: '30003' });
      expect(res.status).toBe(204);
    }
    const found = await list(`type=message_failed&appointment=${appointmentId}`);
    expect(found).toHaveLength(1);
    id = found[0]!.id;
  });

  it('is assigned, replied to, and resolved with the admin token; the trail names bootstrap-admin', async () => {
    await json(await command(id, 'assign', { assigneeUserId: users.manager.id }), 200);
    const sent = twilioApi.requests.length;
    await json(await command(id, 'reply', { text: 'Your reminder did not reach you: Haircut Friday 3 PM.' }, users.manager.token), 200);
    expect(twilioApi.requests.slice(sent).map((r) => r.data.To)).toEqual([cy]);
    expect(await json<View>(await command(id, 'resolve', { reason: 'Reached by email' }), 200)).toMatchObject({ status: 'resolved', closedBy: 'bootstrap-admin' });
    expect(steps(await detail(id))).toEqual([
      ['opened', 'system', 'sms'],
      ['assigned', 'user', 'bootstrap-admin'],
      ['replied', 'user', users.manager.id],
      ['resolved', 'user', 'bootstrap-admin'],
    ]);
  });
});

describe('the lifecycle over HTTP', () => {
  it('refuses steps the status does not allow, and commands the type does not support, writing nothing', async () => {
    const [closed] = await list('status=resolved&limit=1');
    const before = await written();
    await json(await command(closed!.id, 'resolve', { reason: 'again' }), 409);
    await json(await command(closed!.id, 'reply', { text: 'again' }), 409);
    await json(await command(closed!.id, 'take', {}, users.manager.token), 409);
    expect(await written()).toEqual(before);
    const raised = await app.ctx.ops.raise({ type: 'no_slot', summary: 'No openings for Color', customerId: null, dedupeKey: 'test:no-slot' });
    const mid = await written();
    const p = await json<{ code: string; detail: string }>(await command(raised.id, 'approve', {}), 422);
    expect(p).toMatchObject({ code: 'unsupported' });
    expect(p.detail).toMatch(/not supported for no_slot/);
    await json(await command(raised.id, 'assign', { assigneeUserId: NO_SUCH_ID }), 422);
    // No conversation and no customer: no one to reply to.
    await json(await command(raised.id, 'reply', { text: 'Hello' }), 422);
    expect(await written()).toEqual(mid);
  });

  it('dismisses with a reason, and the dismissed exception leaves the open list', async () => {
    const raised = await app.ctx.ops.raise({ type: 'provider_out', summary: 'Lee is out on Friday', dedupeKey: 'test:provider-out' });
    await json(await command(raised.id, 'dismiss', { reason: 'Lee swapped shifts' }, users.dana.token), 403);
    expect(await json<View>(await command(raised.id, 'dismiss', { reason: 'Lee swapped shifts' }, users.manager.token), 200)).toMatchObject({ status: 'dismissed', resolution: 'Lee swapped shifts', closedBy: users.manager.id });
    expect((await list('status=open,assigned')).map((e) => e.id)).not.toContain(raised.id);
    const dismissed = await list('status=dismissed');
    expect(dismissed.map((e) => e.id)).toContain(raised.id);
    expect(dismissed.every((e) => e.status === 'dismissed')).toBe(true);
  });
});

describe('the list', () => {
  it('filters by status, type, assignee and since, and pages with a cursor over every exception once', async () => {
    const all = await list('limit=200');
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect((await list(`assignee=${users.dana.id}`)).every((e) => e.assigneeUserId === users.dana.id)).toBe(true);
    expect((await list(`assignee=${users.dana.id}`)).length).toBe(2);
    expect((await list('type=message_failed,opted_out_upcoming')).map((e) => e.type).sort()).toEqual(['message_failed', 'opted_out_upcoming']);
    expect(await list(`since=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    const seen: string[] = [];
    let after: string | null = null;
    // Bounded, so a cursor that never advances fails instead of looping.
    for (let pages = 0; pages < all.length; pages++) {
      const page: { items: View[]; nextCursor: string | null } = await json(await app.api(`/api/v1/exceptions?limit=2${after ? `&after=${after}` : ''}`), 200);
      seen.push(...page.items.map((e) => e.id));
      after = page.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it("shows staff only exceptions about their own appointments or assigned to them", async () => {
    const dana = await list('limit=200', users.dana.token);
    expect(dana.length).toBeGreaterThan(0);
    for (const e of dana) {
      const mine = e.assigneeUserId === users.dana.id || (e.appointmentId && (await app.t.db.reservation.count({ where: { appointmentId: e.appointmentId, resourceId: salon.staff.dana } })) > 0);
      expect(mine, e.id).toBeTruthy();
    }
    const others = (await list('limit=200')).filter((e) => !dana.some((d) => d.id === e.id));
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) await json(await app.api(`/api/v1/exceptions/${e.id}`, { auth: users.dana.token }), 404);
  });
});

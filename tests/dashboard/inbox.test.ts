import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, signedIn, type Browser } from './support.ts';

// The exception inbox over HTTP: the list and its filters, an exception's page with
// the forms its type, status and the user's role allow, every command as a form POST
// through the ops core (303 back with a flash), and every refusal leaving the rows as
// they were: a viewer's forged POST, a missing or wrong CSRF token, bad input, a
// command the exception's status or type does not allow.

const NOW = '2026-12-02T15:00:00Z'; // 10:00 in New York
let app: TestApp;
let salon: Fixture;
const users = {} as Record<'mia' | 'dana' | 'lee' | 'vic', string>;
let mia: Browser;
let dana: Browser;
let vic: Browser;

beforeAll(async () => {
  app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx)] });
  salon = await createSalon(app.t.db);
  users.mia = await addUser(app, { name: 'Mia', email: 'mia@example.com', role: 'manager' });
  users.dana = await addUser(app, { name: 'Dana', email: 'dana@example.com', role: 'staff', resourceId: salon.staff.dana });
  users.lee = await addUser(app, { name: 'Lee', email: 'lee@example.com', role: 'staff', resourceId: salon.staff.lee });
  users.vic = await addUser(app, { name: 'Vic', email: 'vic@example.com', role: 'viewer' });
  [mia, dana, vic] = await Promise.all([signedIn(app, 'mia@example.com'), signedIn(app, 'dana@example.com'), signedIn(app, 'vic@example.com')]);
}, 60_000);
afterAll(async () => app?.close());

let phones = 0;
async function customerWithChat(name: string, said: string[]) {
  const phone = `+1212555${String(7000 + ++phones)}`;
  const customer = await app.t.db.customer.create({ data: { phone, name } });
  const conversation = await app.t.db.conversation.create({ data: { channel: 'sms', externalId: phone, customerId: customer.id } });
  for (const [i, text] of said.entries()) {
    await app.t.db.message.create({ data: { conversationId: conversation.id, direction: 'inbound', role: 'user', text, createdAt: new Date(Date.parse(NOW) - (said.length - i) * 60_000) } });
  }
  return { customerId: customer.id, conversationId: conversation.id, phone };
}

let booked = 0;
/** Each at its own hour (the first at 11:00 New York time on Friday), so no two reservations overlap. */
async function appointment(customerId: string, resourceId: string, status: 'requested' | 'confirmed' = 'confirmed') {
  const startsAt = new Date(Date.parse('2026-12-04T16:00:00Z') + booked++ * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const a = await app.t.db.appointment.create({ data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId, startsAt, endsAt, status, channel: 'sms', ruleVersion: 1 } });
  await app.t.db.reservation.create({ data: { resourceId, appointmentId: a.id, sessionKey: a.id, blockStart: startsAt, blockEnd: endsAt } });
  return a.id;
}

let raisedCount = 0;
/** An exception about a customer's appointment on `resourceId`, raised 2 h 30 min before now (each a second after the previous). */
async function raised(input: { type?: 'human_requested' | 'approval_needed' | 'no_slot'; name: string; resourceId?: string; status?: 'requested' | 'confirmed'; said?: string[] }) {
  const chat = await customerWithChat(input.name, input.said ?? ['I need a person please']);
  const appointmentId = input.resourceId ? await appointment(chat.customerId, input.resourceId, input.status) : undefined;
  const { id } = await app.ctx.ops.raise({
    type: input.type ?? 'human_requested',
    summary: `${input.name} needs help`,
    customerId: chat.customerId,
    conversationId: chat.conversationId,
    appointmentId,
    at: new Date(Date.parse(NOW) - 150 * 60_000 + ++raisedCount * 1000),
  });
  return { id, appointmentId, ...chat };
}

/** The exception row and how many audit rows it has: what a refusal must leave as it was. */
const snapshot = async (id: string) => ({
  row: await app.t.db.exception.findUniqueOrThrow({ where: { id } }),
  audit: await app.t.db.auditEvent.count({ where: { entityId: id } }),
  messages: await app.t.db.message.count(),
  outbound: await app.t.db.outboundMessage.count(),
});

const text = async (res: Response | Promise<Response>) => (await res).text();
const path = (id: string, command?: string) => `/ops/exceptions/${id}${command ? `/${command}` : ''}`;

describe('the list', () => {
  it('shows open exceptions oldest first with their age and context, and filters them', async () => {
    const a = await raised({ name: 'Ann Inbox', resourceId: salon.staff.dana });
    const b = await raised({ type: 'no_slot', name: 'Ben Inbox' });
    const page = await text(mia.get('/ops/exceptions'));
    expect(page).toContain('<a href="/ops/exceptions" aria-current="page">Exceptions</a>');
    expect(page.indexOf(a.id)).toBeLessThan(page.indexOf(b.id));
    expect(page).toMatch(new RegExp(`data-exception="${a.id}"[\\s\\S]*?Customer asked for a person[\\s\\S]*?waiting 2 h 29 min[\\s\\S]*?Ann Inbox · Haircut, Fri 4 Dec 2026, 11:00`));
    const noSlot = await text(mia.get('/ops/exceptions?type=no_slot'));
    expect(noSlot).toContain(b.id);
    expect(noSlot).not.toContain(a.id);
    const atSalon = await text(mia.get(`/ops/exceptions?location=${salon.locationId}`));
    expect(atSalon).toContain(a.id);
    expect(atSalon).not.toContain(b.id);
    for (const label of ['Status', 'Type', 'Location']) expect(page).toContain(`<label>${label} <select`);
    expect(page).toContain('<label class="check"><input type="checkbox" name="mine" value="on"> Assigned to me</label>');
  });

  it('filters to the exceptions assigned to me, and by a closed status', async () => {
    const e = await raised({ name: 'Cy Mine' });
    expect(await text(mia.get('/ops/exceptions?mine=on'))).not.toContain(e.id);
    await app.ctx.ops.execute({ kind: 'take', exceptionId: e.id }, { userId: users.mia, role: 'manager', via: 'api', displayName: 'Mia' });
    expect(await text(mia.get('/ops/exceptions?mine=on'))).toContain(e.id);
    expect(await text(mia.get('/ops/exceptions?status=resolved'))).not.toContain(e.id);
  });

  it('refuses an unknown filter value with 400', async () => {
    const res = await mia.get('/ops/exceptions?status=lost');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('status is not a status the inbox knows');
    expect((await mia.get('/ops/exceptions?location=nowhere')).status).toBe(400);
  });

  it('pages through more than a page of exceptions, each once, keeping the filter', async () => {
    const start = Date.parse(NOW) - 10 * 3_600_000;
    const rows = Array.from({ length: 130 }, (_, i) => ({
      type: 'message_failed' as const,
      subject: `key:paging:${i}`,
      summary: `paging ${i}`,
      createdAt: new Date(start + i * 1000),
    }));
    await app.t.db.exception.createMany({ data: rows });
    const ids = (await app.t.db.exception.findMany({ where: { subject: { startsWith: 'key:paging:' } }, orderBy: { createdAt: 'asc' }, select: { id: true } })).map((e) => e.id);
    const shown = (page: string) => [...page.matchAll(/data-exception="([^"]+)"/g)].map((m) => m[1]);

    const first = await text(mia.get('/ops/exceptions?type=message_failed'));
    expect(shown(first)).toEqual(ids.slice(0, 100));
    expect(first).toContain('100 exceptions, oldest first. More on the next page.');
    const next = first.match(/<a href="([^"]+)" rel="next">Next 100<\/a>/)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBe(`/ops/exceptions?type=message_failed&after=${ids[99]}`);

    const second = await text(mia.get(next!));
    expect(shown(second)).toEqual(ids.slice(100));
    expect(second).toContain('30 exceptions after the previous page, oldest first.');
    expect(second).not.toContain('rel="next"');
    expect(second).toContain('<a href="/ops/exceptions?type=message_failed">Oldest first</a>');

    const unknown = await mia.get(`/ops/exceptions?after=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('after names no exception');
    expect((await mia.get('/ops/exceptions?after=page-2')).status).toBe(400);
    await app.t.db.exception.deleteMany({ where: { subject: { startsWith: 'key:paging:' } } });
  });

  it("shows a staff member only their own schedule's exceptions, and 404 for another's", async () => {
    const mine = await raised({ name: 'Dee Dana', resourceId: salon.staff.dana });
    const lees = await raised({ name: 'Lou Lee', resourceId: salon.staff.lee });
    const page = await text(dana.get('/ops/exceptions'));
    expect(page).toContain(mine.id);
    expect(page).not.toContain(lees.id);
    expect((await dana.get(path(lees.id))).status).toBe(404);
    expect((await dana.post(path(lees.id, 'resolve'), { reason: 'not mine' })).status).toBe(404);
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: lees.id } })).status).toBe('open');
  });
});

describe("an exception's page", () => {
  it("shows the customer's last messages, a link to the appointment's story and the forms a manager may use", async () => {
    const e = await raised({ name: 'Dora Page', resourceId: salon.staff.dana, said: ['hello', 'can a <b>human</b> call me?'] });
    const page = await text(mia.get(path(e.id)));
    expect(page).toContain('can a &lt;b&gt;human&lt;/b&gt; call me?');
    expect(page).toMatch(/<strong>Customer:<\/strong> hello[\s\S]*<strong>Customer:<\/strong> can a/);
    expect(page).toContain(`href="/ops/appointments/${e.appointmentId}"`);
    for (const command of ['take', 'assign', 'reply', 'resolve', 'dismiss']) expect(page).toContain(`action="${path(e.id, command)}"`);
    expect(page).not.toContain(`action="${path(e.id, 'approve')}"`);
    expect(page).toContain('<label for="reply-');
    expect(page).toMatch(/<label for="assignee-[^"]+">Assign to<\/label><select id="assignee-[^"]+" name="assigneeUserId" required><option value="[^"]+">Dana \(staff\)/);
    expect(page).not.toContain('Vic (viewer)');
  });

  it('shows approve and decline for an approval, and no form at all to a viewer', async () => {
    const e = await raised({ type: 'approval_needed', name: 'Abe Approve', resourceId: salon.staff.dana, status: 'requested' });
    const page = await text(mia.get(path(e.id)));
    expect(page).toContain(`action="${path(e.id, 'approve')}"`);
    expect(page).toContain(`action="${path(e.id, 'decline')}"`);
    const viewed = await text(vic.get(path(e.id)));
    expect(viewed).toContain('Abe Approve needs help');
    expect(viewed).not.toContain('class="command"');
    expect(viewed).not.toContain('<button type="submit">Take it');
    expect(viewed).toContain('may read this exception but not act on it');
  });

  it('shows staff no assign or dismiss form (a manager hands out and dismisses)', async () => {
    const e = await raised({ name: 'Sal Staff', resourceId: salon.staff.dana });
    const page = await text(dana.get(path(e.id)));
    expect(page).toContain(`action="${path(e.id, 'take')}"`);
    expect(page).toContain(`action="${path(e.id, 'resolve')}"`);
    expect(page).not.toContain(`action="${path(e.id, 'assign')}"`);
    expect(page).not.toContain(`action="${path(e.id, 'dismiss')}"`);
  });

  it('answers 404 for an id that is not an exception', async () => {
    expect((await mia.get('/ops/exceptions/not-a-uuid')).status).toBe(404);
    expect((await mia.get('/ops/exceptions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('commands', () => {
  it('take: assigns it to me, then 303 back to the exception with a flash shown once', async () => {
    const e = await raised({ name: 'Tia Take' });
    const res = await mia.post(path(e.id, 'take'), {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(path(e.id));
    const row = await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } });
    expect([row.status, row.assigneeUserId]).toEqual(['assigned', users.mia]);
    expect(await app.t.db.auditEvent.findFirst({ where: { entityId: e.id, action: 'assigned' }, select: { actorId: true, details: true } })).toMatchObject({ actorId: users.mia, details: { via: 'web' } });
    const page = await text(mia.get(path(e.id)));
    expect(page).toContain('<p class="flash done" role="status">You took this exception.</p>');
    expect(page).toContain('assigned to Mia');
    expect(await text(mia.get(path(e.id)))).not.toContain('class="flash');
  });

  it('assign: hands it to the chosen user; an assignee who may not resolve is refused and nothing changes', async () => {
    const e = await raised({ name: 'Al Assign', resourceId: salon.staff.dana });
    expect((await mia.post(path(e.id, 'assign'), { assigneeUserId: users.dana })).status).toBe(303);
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } })).assigneeUserId).toBe(users.dana);
    const before = await snapshot(e.id);
    const refused = await mia.post(path(e.id, 'assign'), { assigneeUserId: users.vic });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(path(e.id));
    expect(await snapshot(e.id)).toEqual(before);
    expect(await text(mia.get(path(e.id)))).toMatch(/<p class="flash refused" role="alert"><strong>Refused:<\/strong> User [0-9a-f-]+ is a viewer and may not resolve exceptions\.<\/p>/);
  });

  it('approve: confirms the requested appointment and resolves the exception, back to the inbox', async () => {
    const e = await raised({ type: 'approval_needed', name: 'Ava Approve', resourceId: salon.staff.dana, status: 'requested' });
    const res = await mia.post(path(e.id, 'approve'), {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/ops/exceptions');
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: e.appointmentId! } })).status).toBe('confirmed');
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('resolved');
    const inbox = await text(mia.get('/ops/exceptions'));
    expect(inbox).toContain('Approved: the appointment is confirmed.');
    expect(inbox).not.toContain(e.id);
  });

  it('decline: cancels the requested appointment with the reason', async () => {
    const e = await raised({ type: 'approval_needed', name: 'Dex Decline', resourceId: salon.staff.dana, status: 'requested' });
    expect((await mia.post(path(e.id, 'decline'), { reason: 'Fully booked that week' })).status).toBe(303);
    const a = await app.t.db.appointment.findUniqueOrThrow({ where: { id: e.appointmentId! } });
    expect([a.status, a.cancelReason]).toEqual(['canceled', 'Fully booked that week']);
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } })).resolution).toBe('Declined: Fully booked that week');
  });

  it("reply: sends the text on the customer's channel through the notifier and adds it to the transcript", async () => {
    const e = await raised({ name: 'Rae Reply' });
    const res = await mia.post(path(e.id, 'reply'), { text: 'Hi Rae, Mia here: we will call you at 11.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(path(e.id));
    const sent = await app.t.db.outboundMessage.findFirst({ where: { to: e.phone }, orderBy: { createdAt: 'desc' } });
    expect(sent?.body).toContain('Hi Rae, Mia here: we will call you at 11.');
    expect(sent?.channel).toBe('sms');
    const line = await app.t.db.message.findFirst({ where: { conversationId: e.conversationId, role: 'staff' } });
    expect(line?.text).toBe('Hi Rae, Mia here: we will call you at 11.');
    const page = await text(mia.get(path(e.id)));
    expect(page).toContain('Reply kept in the local outbox');
    expect(page).toContain('<strong>Staff:</strong> Hi Rae, Mia here');
  });

  it('resolve: closes it with the reason, and it is gone from the inbox', async () => {
    const e = await raised({ name: 'Roy Resolve' });
    expect(await text(mia.get('/ops/exceptions'))).toContain(e.id);
    const res = await mia.post(path(e.id, 'resolve'), { reason: 'Called him back' });
    expect(res.headers.get('location')).toBe('/ops/exceptions');
    const row = await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } });
    expect([row.status, row.resolution, row.closedBy]).toEqual(['resolved', 'Called him back', users.mia]);
    const inbox = await text(mia.get('/ops/exceptions'));
    expect(inbox).toContain('<p class="flash done" role="status">Resolved.</p>');
    expect(inbox).not.toContain(e.id);
    expect(await text(mia.get('/ops/exceptions?status=resolved'))).toContain(e.id);
  });

  it('dismiss: closes it as needing no handling', async () => {
    const e = await raised({ name: 'Di Dismiss' });
    expect((await mia.post(path(e.id, 'dismiss'), { reason: 'Spam' })).status).toBe(303);
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: e.id } })).status).toBe('dismissed');
  });
});

describe('refusals change nothing', () => {
  it('a viewer: every command is refused with 403', async () => {
    const e = await raised({ type: 'approval_needed', name: 'Viv Viewer', resourceId: salon.staff.dana, status: 'requested' });
    const before = await snapshot(e.id);
    const forged: Array<[string, Record<string, string>]> = [
      ['take', {}],
      ['assign', { assigneeUserId: users.mia }],
      ['approve', {}],
      ['decline', { reason: 'no' }],
      ['reply', { text: 'hello' }],
      ['resolve', { reason: 'done' }],
      ['dismiss', { reason: 'done' }],
    ];
    for (const [command, fields] of forged) {
      const res = await vic.post(path(e.id, command), fields);
      expect(res.status, command).toBe(403);
      expect(await res.text()).toContain('The viewer role may not');
    }
    expect(await snapshot(e.id)).toEqual(before);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: e.appointmentId! } })).status).toBe('requested');
  });

  it('staff may not dismiss: 403', async () => {
    const e = await raised({ name: 'Stu Staff', resourceId: salon.staff.dana });
    const before = await snapshot(e.id);
    expect((await dana.post(path(e.id, 'dismiss'), { reason: 'no' })).status).toBe(403);
    expect(await snapshot(e.id)).toEqual(before);
  });

  it('a POST without the CSRF token, or with a wrong one, is refused with 403', async () => {
    const e = await raised({ name: 'Cass Csrf' });
    const before = await snapshot(e.id);
    expect((await mia.post(path(e.id, 'resolve'), { reason: 'forged' }, { csrf: null })).status).toBe(403);
    expect((await mia.post(path(e.id, 'resolve'), { reason: 'forged' }, { csrf: dana.csrf })).status).toBe(403);
    expect((await mia.post(path(e.id, 'reply'), { text: 'forged' }, { csrf: 'guess' })).status).toBe(403);
    expect(await snapshot(e.id)).toEqual(before);
  });

  it('bad input is refused with 400 (empty reason, empty reply, an id that is not a user) and an unknown command with 404', async () => {
    const e = await raised({ name: 'Bea Bad' });
    const before = await snapshot(e.id);
    const empty = await mia.post(path(e.id, 'resolve'), { reason: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('reason must not be empty');
    expect((await mia.post(path(e.id, 'reply'), { text: '' })).status).toBe(400);
    expect((await mia.post(path(e.id, 'assign'), { assigneeUserId: 'mia' })).status).toBe(400);
    expect((await mia.post(path(e.id, 'resolve'), { reason: 'ok', extra: 'field' })).status).toBe(400);
    expect((await mia.post(path(e.id, 'release'), {})).status).toBe(404);
    expect((await mia.post(path(e.id, 'constructor'), {})).status).toBe(404);
    expect((await mia.post('/ops/exceptions/not-a-uuid/resolve', { reason: 'ok' })).status).toBe(404);
    expect(await snapshot(e.id)).toEqual(before);
  });

  it("a command the exception's status or type does not allow comes back as a refusal flash", async () => {
    const e = await raised({ name: 'Ray Refused' });
    expect((await mia.post(path(e.id, 'approve'), {})).headers.get('location')).toBe(path(e.id));
    expect(await text(mia.get(path(e.id)))).toContain('approve is not supported for human_requested exceptions');
    await mia.post(path(e.id, 'resolve'), { reason: 'First' });
    const before = await snapshot(e.id);
    const again = await mia.post(path(e.id, 'dismiss'), { reason: 'Second' });
    expect(again.status).toBe(303);
    expect(await snapshot(e.id)).toEqual(before);
    const page = await text(mia.get(path(e.id)));
    expect(page).toContain('is resolved; it cannot be worked on (dismiss) any more.');
    expect(page).not.toContain('class="command"');
  });
});

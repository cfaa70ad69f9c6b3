import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, signedIn, type Browser } from './support.ts';

// An appointment's story at /ops/appointments/:id: the record, the conversation that
// booked it with its tool calls, its audit trail, reminders sent and skipped (with
// why), messages sent, notices and exceptions; staff read only their own schedule.

const NOW = '2026-12-02T15:00:00Z'; // 10:00 in New York
let app: TestApp;
let salon: Fixture;
let danas: string;
let lees: string;
let exceptionId: string;
let mia: Browser;
let dana: Browser;
let vic: Browser;

async function book(input: { resourceId: string; startsAt: string; customerId: string; idempotencyKey?: string }) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const a = await app.t.db.appointment.create({
    data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: input.customerId, startsAt, endsAt, channel: 'sms', ruleVersion: 3, idempotencyKey: input.idempotencyKey },
  });
  await app.t.db.reservation.create({ data: { resourceId: input.resourceId, appointmentId: a.id, sessionKey: a.id, blockStart: startsAt, blockEnd: endsAt } });
  return a.id;
}

beforeAll(async () => {
  app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx)] });
  const db = app.t.db;
  salon = await createSalon(db);
  await addUser(app, { name: 'Mia', email: 'mia@example.com', role: 'manager' });
  await addUser(app, { name: 'Dana', email: 'dana@example.com', role: 'staff', resourceId: salon.staff.dana });
  await addUser(app, { name: 'Vic', email: 'vic@example.com', role: 'viewer' });
  const ann = await db.customer.create({ data: { phone: '+12125550171', name: 'Ann <i>Story</i>' } });
  const chat = await db.conversation.create({ data: { channel: 'sms', externalId: ann.phone, customerId: ann.id } });
  danas = await book({ resourceId: salon.staff.dana, startsAt: '2026-12-02T16:00:00Z', customerId: ann.id, idempotencyKey: `conversation:${chat.id}:p1` });
  const at = (m: number) => new Date(Date.parse(NOW) - (60 - m) * 60_000);
  await db.message.createMany({
    data: [
      { conversationId: chat.id, direction: 'inbound', role: 'user', text: 'haircut today at 11?', createdAt: at(0) },
      { conversationId: chat.id, direction: 'outbound', role: 'assistant', toolCalls: [{ id: 'c1', name: 'find_slots', arguments: '{"service":"haircut"}', by: 'model' }], createdAt: at(1) },
      { conversationId: chat.id, direction: 'outbound', role: 'tool', toolResult: { name: 'find_slots', callId: 'c1', result: { ok: true, slots: 1 } }, createdAt: at(2) },
      { conversationId: chat.id, direction: 'outbound', role: 'assistant', text: 'Haircut today at 11:00 with Dana. Book it?', createdAt: at(3) },
      { conversationId: chat.id, direction: 'inbound', role: 'user', text: 'yes', createdAt: at(4) },
      { conversationId: chat.id, direction: 'outbound', role: 'tool', toolCalls: [{ name: 'commit_book', proposalId: 'p1', by: 'orchestrator' }], toolResult: { ok: true, appointmentId: danas, status: 'confirmed' }, createdAt: at(5) },
    ],
  });
  await db.appointmentEvent.create({ data: { appointmentId: danas, actorType: 'customer', actorId: ann.id, channel: 'sms', action: 'booked', after: { status: 'confirmed' }, at: at(5) } });
  await db.reminderDelivery.createMany({
    data: [
      { appointmentId: danas, offsetMinutes: 1440, channel: 'sms', status: 'skipped', reason: 'booked after the reminder was due', dueAt: new Date('2026-12-01T16:00:00Z'), sendAt: new Date('2026-12-01T16:00:00Z') },
      { appointmentId: danas, offsetMinutes: 60, channel: 'sms', status: 'sent', noticeStatus: 'outbox', dueAt: new Date('2026-12-02T15:00:00Z'), sendAt: new Date('2026-12-02T15:00:00Z') },
    ],
  });
  await db.outboundMessage.create({ data: { channel: 'sms', to: ann.phone, body: 'Reminder: Haircut today at 11:00.', kind: 'reminder', idempotencyKey: `reminder:${danas}:60:sms`, status: 'sent', appointmentId: danas } });
  await db.customerNotice.create({ data: { channel: 'sms', address: ann.phone, kind: 'reminder', idempotencyKey: `reminder:${danas}:60:sms`, appointmentId: danas, replies: { create: { answer: 'Y', appointmentId: danas } } } });
  exceptionId = (await app.ctx.ops.raise({ type: 'intake_incomplete', summary: 'Intake incomplete for Haircut', appointmentId: danas, customerId: ann.id })).id;
  const leo = await db.customer.create({ data: { phone: '+12125550172', name: 'Leo Other' } });
  lees = await book({ resourceId: salon.staff.lee, startsAt: '2026-12-02T17:00:00Z', customerId: leo.id });
  [mia, dana, vic] = await Promise.all([signedIn(app, 'mia@example.com'), signedIn(app, 'dana@example.com'), signedIn(app, 'vic@example.com')]);
}, 60_000);
afterAll(async () => app?.close());

const story = (b: Browser, id: string) => b.get(`/ops/appointments/${id}`);

describe("an appointment's story", () => {
  it('tells the record, the conversation with its tool calls, the trail, reminders, messages, notices and exceptions', async () => {
    const res = await story(mia, danas);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Haircut · Ann &lt;i&gt;Story&lt;/i&gt;</h1>');
    expect(page).toContain('Wed 2 Dec 2026, 11:00–11:30 (America/New_York)');
    expect(page).toContain('under rule version 3');
    expect(page).toMatch(/<strong>Customer:<\/strong> haircut today at 11\?[\s\S]*Tool call <code>find_slots<\/code> <code>&quot;\{\\&quot;service\\&quot;:\\&quot;haircut\\&quot;\}&quot;<\/code>/);
    expect(page).toMatch(new RegExp(`Tool call <code>commit_book</code>[\\s\\S]*Result <code>\\{[^<]*&quot;appointmentId&quot;:&quot;${danas}&quot;`));
    expect(page).toContain('booked by customer via sms');
    expect(page).toMatch(/<strong>skipped<\/strong> · 1440 min before, by sms[\s\S]*<em>booked after the reminder was due<\/em>/);
    expect(page).toMatch(/<strong>sent<\/strong> · 60 min before, by sms/);
    expect(page).toContain('<blockquote>Reminder: Haircut today at 11:00.</blockquote>');
    expect(page).toContain('reminder by sms · answered “Y”');
    expect(page).toContain(`<a href="/ops/exceptions/${exceptionId}">Intake incomplete</a>`);
    for (const h of ['Exceptions', 'Conversation', 'Audit trail', 'Reminders', 'Messages sent', 'Notices']) expect(page).toMatch(new RegExp(`<h2 id="[a-z]+">${h}</h2>`));
  });

  it("is linked from Today and from the exception's page", async () => {
    expect(await (await mia.get('/ops/today')).text()).toContain(`<a href="/ops/appointments/${danas}">`);
    expect(await (await mia.get(`/ops/exceptions/${exceptionId}`)).text()).toContain(`href="/ops/appointments/${danas}"`);
  });

  it('says so when nothing is linked', async () => {
    const page = await (await story(mia, lees)).text();
    expect(page).toContain('No conversation is linked to this appointment');
    expect(page).toContain('No reminder has fallen due.');
  });

  it("shows a staff member their own schedule's appointment and answers 404 for another's", async () => {
    expect((await story(dana, danas)).status).toBe(200);
    const other = await story(dana, lees);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('Leo Other');
  });

  it('shows a viewer the story (reading is every role’s right) without any form', async () => {
    const res = await story(vic, danas);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('class="command"');
  });

  it('answers 404 for an id that is not an appointment', async () => {
    expect((await story(mia, 'nope')).status).toBe(404);
    expect((await story(mia, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

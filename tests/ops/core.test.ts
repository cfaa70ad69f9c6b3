import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierRegistry, type Notice, type Notifier } from '../../src/contract/notifier.ts';
import type { OpsActor } from '../../src/contract/ops.ts';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { createPool } from '../../src/db/client.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createOps, OpsError, type Ops } from '../../src/ops/index.ts';
import { createSalon, type Fixture as Salon } from '../conversation/support/fixture.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// The ops core without HTTP: raising with de-duplication (also under concurrency),
// the permission matrix asked inside the core, the approval commands through the
// Scheduler, and replies through the Notifiers port.

let t: TestDatabase;
let pool: ReturnType<typeof createPool>;
let ops: Ops;
let salon: Salon;
const sent: Notice[] = [];
const recorder: Notifier = {
  channel: 'sms',
  async send(n) {
    sent.push(n);
    return { messageId: `m${sent.length}`, status: 'sent', duplicate: false };
  },
};
const user = {} as Record<'manager' | 'dana' | 'viewer', string>;
const actor = (role: OpsActor['role'], userId: string | null): OpsActor => ({ userId, role, via: 'slack', displayName: role });

beforeAll(async () => {
  t = await createTestDatabase();
  pool = createPool(t.url);
  const clock = () => new Date();
  const scheduler = createScheduler(createSchedulingStore(pool), clock, { holdMinutes: 10 });
  ops = createOps({ db: t.db, scheduler, clock, notifiers: notifierRegistry([recorder]) });
  salon = await createSalon(t.db);
  user.manager = (await t.db.user.create({ data: { name: 'Mia', role: 'manager' } })).id;
  user.dana = (await t.db.user.create({ data: { name: 'Dana', role: 'staff', resourceId: salon.staff.dana } })).id;
  user.viewer = (await t.db.user.create({ data: { name: 'Vic', role: 'viewer' } })).id;
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

async function appointment(resourceId: string, status: 'requested' | 'confirmed', daysAhead: number): Promise<string> {
  const customer = await t.db.customer.upsert({ where: { phone: '+12125550601' }, create: { phone: '+12125550601' }, update: {} });
  const startsAt = new Date(Date.now() + daysAhead * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const a = await t.db.appointment.create({
    data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: customer.id, startsAt, endsAt, status, channel: 'sms', ruleVersion: 1 },
  });
  await t.db.reservation.create({ data: { resourceId, appointmentId: a.id, sessionKey: a.id, blockStart: startsAt, blockEnd: endsAt } });
  return a.id;
}

const opened = (id: string) => t.db.auditEvent.count({ where: { entityId: id, action: 'opened' } });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof OpsError ? e.code : e));

describe('raiseException', () => {
  it('opens one exception per type and subject while it is open, and a new one after it is closed', async () => {
    const a = await ops.raise({ type: 'provider_out', summary: 'Dana is out', dedupeKey: 'out:dana:1' });
    const b = await ops.raise({ type: 'provider_out', summary: 'Dana is out (again)', dedupeKey: 'out:dana:1' });
    const other = await ops.raise({ type: 'no_slot', summary: 'Same subject, other type', dedupeKey: 'out:dana:1' });
    expect([a.created, b.created, other.created]).toEqual([true, false, true]);
    expect(b.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
    await ops.execute({ kind: 'resolve', exceptionId: a.id, reason: 'Back' }, actor('manager', user.manager));
    const c = await ops.raise({ type: 'provider_out', summary: 'Dana is out again', dedupeKey: 'out:dana:1' });
    expect(c.created).toBe(true);
    expect(await opened(a.id)).toBe(1);
  });

  it('opens one exception when the same thing is raised many times at once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ops.raise({ type: 'message_failed', summary: 'Undelivered', dedupeKey: 'outbound:race' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.exception.count({ where: { subject: 'key:outbound:race' } })).toBe(1);
    expect(await opened(results[0]!.id)).toBe(1);
  });
});

describe('permissions inside the core', () => {
  it('refuses what the matrix refuses, and hides what is not within a staff member’s reach', async () => {
    const theirs = await appointment(salon.staff.lee, 'confirmed', 4);
    const { id } = await ops.raise({ type: 'opted_out_upcoming', summary: 'Opted out', appointmentId: theirs });
    expect(await failure(ops.execute({ kind: 'take', exceptionId: id }, actor('viewer', user.viewer)))).toBe('forbidden');
    expect(await failure(ops.execute({ kind: 'assign', exceptionId: id, assigneeUserId: user.dana }, actor('staff', user.dana)))).toBe('forbidden');
    expect(await failure(ops.execute({ kind: 'take', exceptionId: id }, actor('staff', user.dana)))).toBe('not_found');
    expect(await failure(ops.get(actor('staff', user.dana), id))).toBe('not_found');
    // Assigned to Dana, it is hers to work.
    await ops.execute({ kind: 'assign', exceptionId: id, assigneeUserId: user.dana }, actor('manager', user.manager));
    expect((await ops.execute({ kind: 'resolve', exceptionId: id, reason: 'Called' }, actor('staff', user.dana))).exception.status).toBe('resolved');
  });

  it('refuses a take by the admin token (no user) and an assignee who may not resolve', async () => {
    const { id } = await ops.raise({ type: 'no_slot', summary: 'No slot', dedupeKey: 'assignees' });
    expect(await failure(ops.execute({ kind: 'take', exceptionId: id }, actor('admin', null)))).toBe('invalid_assignee');
    expect(await failure(ops.execute({ kind: 'assign', exceptionId: id, assigneeUserId: user.viewer }, actor('admin', null)))).toBe('invalid_assignee');
    expect((await t.db.exception.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });

  it('refuses release and offer_times as not supported, never pretending', async () => {
    const { id } = await ops.raise({ type: 'human_requested', summary: 'Person', dedupeKey: 'unsupported' });
    expect(await failure(ops.execute({ kind: 'release', exceptionId: id }, actor('admin', null)))).toBe('unsupported');
    expect(await failure(ops.execute({ kind: 'offer_times', exceptionId: id }, actor('admin', null)))).toBe('unsupported');
    expect(await t.db.auditEvent.count({ where: { entityId: id } })).toBe(1);
  });

  it('lets exactly one of two concurrent closing steps win', async () => {
    const { id } = await ops.raise({ type: 'no_slot', summary: 'Race', dedupeKey: 'close-race' });
    const results = await Promise.allSettled([
      ops.execute({ kind: 'resolve', exceptionId: id, reason: 'a' }, actor('manager', user.manager)),
      ops.execute({ kind: 'dismiss', exceptionId: id, reason: 'b' }, actor('manager', user.manager)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as OpsError).code : 'ok')).sort()).toEqual(['invalid_transition', 'ok']);
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: { in: ['resolved', 'dismissed'] } } })).toBe(1);
  });
});

describe('approve and decline', () => {
  it('confirms the requested appointment through the Scheduler and resolves the exception', async () => {
    const appointmentId = await appointment(salon.staff.dana, 'requested', 5);
    const { id } = await ops.raise({ type: 'approval_needed', summary: 'Approve Haircut', appointmentId });
    const { exception } = await ops.execute({ kind: 'approve', exceptionId: id }, actor('staff', user.dana));
    expect(exception).toMatchObject({ status: 'resolved', closedBy: user.dana });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe('confirmed');
    expect(await t.db.appointmentEvent.findFirst({ where: { appointmentId }, orderBy: { at: 'desc' } })).toMatchObject({ actorType: 'user', actorId: user.dana, channel: 'slack' });
    expect(await t.db.auditEvent.findFirst({ where: { entityId: id, action: 'approved' } })).toMatchObject({ actorId: user.dana });
  });

  it('cancels the requested appointment with the reason on decline', async () => {
    const appointmentId = await appointment(salon.staff.dana, 'requested', 6);
    const { id } = await ops.raise({ type: 'approval_needed', summary: 'Approve Haircut', appointmentId });
    await ops.execute({ kind: 'decline', exceptionId: id, reason: 'Fully booked' }, actor('manager', user.manager));
    expect(await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).toMatchObject({ status: 'canceled', cancelReason: 'Fully booked' });
  });

  it('refuses them for any other type, even one about a requested appointment', async () => {
    const appointmentId = await appointment(salon.staff.dana, 'requested', 8);
    const { id } = await ops.raise({ type: 'opted_out_upcoming', summary: 'Opted out', appointmentId });
    expect(await failure(ops.execute({ kind: 'approve', exceptionId: id }, actor('manager', user.manager)))).toBe('unsupported');
    expect(await failure(ops.execute({ kind: 'decline', exceptionId: id, reason: 'x' }, actor('manager', user.manager)))).toBe('unsupported');
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe('requested');
    expect((await t.db.exception.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });

  it('refuses an appointment that is no longer requested, changing nothing', async () => {
    const appointmentId = await appointment(salon.staff.dana, 'confirmed', 7);
    const { id } = await ops.raise({ type: 'approval_needed', summary: 'Approve Haircut', appointmentId });
    expect(await failure(ops.execute({ kind: 'decline', exceptionId: id, reason: 'x' }, actor('manager', user.manager)))).toBe('refused');
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).toBe('confirmed');
    expect((await t.db.exception.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });
});

describe('reply', () => {
  it("sends a staff_reply notice to the customer's channel and records it in the transcript as from staff", async () => {
    const conversation = await t.db.conversation.create({ data: { channel: 'sms', externalId: '+12125550602', handedOff: true } });
    const { id } = await ops.raise({ type: 'human_requested', summary: 'Person', conversationId: conversation.id });
    const n = sent.length;
    const outcome = await ops.execute({ kind: 'reply', exceptionId: id, text: 'Hi, Mia here.' }, actor('manager', user.manager));
    expect(sent.slice(n)).toEqual([expect.objectContaining({ kind: 'staff_reply', to: { channel: 'sms', address: '+12125550602' }, text: 'Hi, Mia here.' })]);
    expect(await t.db.message.findUniqueOrThrow({ where: { id: outcome.reply!.messageId } })).toMatchObject({ conversationId: conversation.id, direction: 'outbound', role: 'staff', text: 'Hi, Mia here.' });
    expect(outcome.exception.status).toBe('open');
    expect((await t.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).handedOff).toBe(true);
  });

  it('refuses a channel without a notifier, sending and recording nothing', async () => {
    const conversation = await t.db.conversation.create({ data: { channel: 'teams', externalId: '29:teams-user' } });
    const { id } = await ops.raise({ type: 'human_requested', summary: 'Person', conversationId: conversation.id });
    const n = sent.length;
    expect(await failure(ops.execute({ kind: 'reply', exceptionId: id, text: 'Hi' }, actor('manager', user.manager)))).toBe('unreachable');
    expect(sent.length).toBe(n);
    expect(await t.db.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});

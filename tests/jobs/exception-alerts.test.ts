import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierRegistry } from '../../src/contract/notifier.ts';
import { runExceptionAlerts } from '../../src/jobs/exception-alerts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { recordingNotifier } from './support/notifiers.ts';

// Exception alerts through the notifier: one post per exception however often the job
// runs; still open after the configured time → escalated once per period (in the
// thread, naming the assignee) with an `escalated` audit step by the system.

const T0 = new Date('2026-12-01T14:00:00Z');
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock: () => T0 });
});
afterAll(() => app.close());

describe('runExceptionAlerts', () => {
  it('posts each exception once and escalates it once per period while it stays open', async () => {
    const slack = recordingNotifier('slack');
    const run = (at: Date) => runExceptionAlerts({ db: app.t.db, log: app.ctx.log, clock: () => at, notifiers: notifierRegistry([slack]), opsRooms: [{ channel: 'slack' as const, address: 'C0OPS' }], reraiseMinutes: 30 });
    const { id } = await app.ctx.ops.raise({ type: 'human_requested', summary: 'A customer asked for a person', at: T0 });
    const assignee = await app.t.db.user.create({ data: { name: 'Sam', role: 'manager', slackUserId: 'U0SAM' } });
    await app.t.db.exception.update({ where: { id }, data: { status: 'assigned', assigneeUserId: assignee.id, assignedAt: T0 } });

    expect(await run(T0)).toEqual({ sent: 1, duplicate: 0 });
    expect(await run(new Date(T0.getTime() + 29 * 60_000))).toEqual({ sent: 0, duplicate: 1 });
    expect(await run(new Date(T0.getTime() + 30 * 60_000))).toEqual({ sent: 1, duplicate: 1 });
    expect(await run(new Date(T0.getTime() + 31 * 60_000))).toEqual({ sent: 0, duplicate: 2 });
    expect(slack.notices.map((n) => n.idempotencyKey)).toEqual([`exception_alert:${id}`, `exception_alert:${id}:still_open:1`]);
    expect(slack.notices[1]).toMatchObject({ exceptionId: id, to: { channel: 'slack', address: 'C0OPS' } });
    // The job names the assignee; rendering a mention is each channel's business (the Slack notifier's <@id>).
    expect(slack.notices[1]!.text).toMatch(/^Still assigned 30 minutes after it was raised: /);
    expect(slack.notices[1]!.assignee).toEqual({ name: 'Sam', slackUserId: 'U0SAM', teamsUserId: null });
    const steps = await app.t.db.auditEvent.findMany({ where: { entityType: 'exception', entityId: id, action: 'escalated' } });
    expect(steps).toMatchObject([{ actorType: 'system', actorId: 'exception-alerts', details: { minutesOpen: 30, status: 'assigned' } }]);

    // Resolved: nothing more.
    await app.t.db.exception.update({ where: { id }, data: { status: 'resolved', resolvedAt: T0 } });
    expect(await run(new Date(T0.getTime() + 90 * 60_000))).toEqual({ sent: 0, duplicate: 0 });
  });
});

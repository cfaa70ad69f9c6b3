import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../src/db/client.ts';
import { listenForRaisedExceptions, runExceptionAlerts, runExceptionStepUpdates } from '../../../src/jobs/exception-alerts.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { OPS_CHANNEL, buttonPress, payloadBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// An exception worked somewhere other than the ops channel's buttons (the admin API,
// the /ops dashboard, Teams) still shows in Slack as it is: the parent message is edited
// in place and a thread reply says who did what and where, once per step however often
// the job runs; a step taken with Slack's own buttons is not told twice. An escalation
// calls on the assignee with a Slack mention the Slack notifier renders.

let app: SlackTestApp;
let managerId: string;
const FORM = 'application/x-www-form-urlencoded';
const deps = () => ({ db: app.t.db, log: app.ctx.log, clock: app.ctx.clock, notifiers: app.ctx.notifiers, opsRooms: [{ channel: 'slack' as const, address: OPS_CHANNEL }], reraiseMinutes: 60 });

beforeAll(async () => {
  app = await createSlackTestApp();
  await createSalon(app.t.db);
  managerId = (await app.t.db.user.create({ data: { name: 'Morgan', role: 'manager', slackUserId: 'U0MANAGER' } })).id;
});
afterAll(() => app.close());

/** Raises an exception and posts its parent; returns its id and the parent's ts. */
async function posted(summary: string): Promise<{ id: string; ts: string }> {
  const { id } = await app.ctx.ops.raise({ type: 'human_requested', summary, dedupeKey: summary });
  await runExceptionAlerts(deps());
  const parent = await app.t.db.slackMessage.findUniqueOrThrow({ where: { idempotencyKey: `exception_alert:${id}` } });
  return { id, ts: parent.ts! };
}

const morgan = (via: 'web' | 'teams' | 'slack') => ({ userId: managerId, role: 'manager' as const, via, displayName: 'Morgan' });

describe('a step taken outside Slack', () => {
  it('edits the parent in place and says it in the thread, once', async () => {
    const { id, ts } = await posted('Ana wants a person');
    const [updates, posts] = [app.slackApi.callsTo('chat.update').length, app.slackApi.callsTo('chat.postMessage').length];
    const res = await app.api(`/api/v1/exceptions/${id}/assign`, { method: 'POST', json: { assigneeUserId: managerId } });
    expect(res.status).toBe(200);

    expect(await runExceptionStepUpdates(deps())).toEqual({ sent: 1, duplicate: 0 });
    expect(await runExceptionStepUpdates(deps())).toEqual({ sent: 0, duplicate: 1 });
    const update = app.slackApi.callsTo('chat.update').slice(updates);
    expect(update).toHaveLength(1);
    expect(update[0]!.body).toMatchObject({ channel: OPS_CHANNEL, ts });
    expect(String(update[0]!.body.text)).toMatch(/^Customer asked for a person: Ana wants a person\nStatus: assigned \(Morgan\) · raised /);
    const buttons = (update[0]!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).find((b) => b.type === 'actions')!.elements!.map((e) => e.action_id);
    expect(buttons).toEqual(['ops:assign', 'ops:resolve', 'ops:dismiss']);
    const thread = app.slackApi.callsTo('chat.postMessage').slice(posts);
    expect(thread.map((c) => c.body)).toEqual([{ channel: OPS_CHANNEL, thread_ts: ts, text: 'bootstrap-admin assigned this to Morgan in the admin API.' }]);
  });

  it('says the surface and the reason: resolved on the dashboard, then nothing is left to press', async () => {
    const { id, ts } = await posted('Ben wants a person');
    await app.ctx.ops.execute({ kind: 'resolve', exceptionId: id, reason: 'called him back' }, morgan('web'));
    const [updates, posts] = [app.slackApi.callsTo('chat.update').length, app.slackApi.callsTo('chat.postMessage').length];
    expect(await runExceptionStepUpdates(deps())).toMatchObject({ sent: 1 });
    const [update] = app.slackApi.callsTo('chat.update').slice(updates);
    expect(update!.body).toMatchObject({ channel: OPS_CHANNEL, ts });
    expect(String(update!.body.text)).toMatch(/\nStatus: resolved · raised .*\nClosed: called him back$/);
    expect((update!.body.blocks as Array<{ type: string }>).map((b) => b.type)).toEqual(['section']);
    expect(app.slackApi.callsTo('chat.postMessage').slice(posts).map((c) => c.body.text)).toEqual(['Morgan resolved this on the ops dashboard: called him back.']);
  });

  it('is told at once by the listener as the step commits, without waiting for the minute run', async () => {
    const { id, ts } = await posted('Cy wants a person');
    const pool = createPool(app.t.url);
    const stop = await listenForRaisedExceptions(pool, deps());
    try {
      const posts = app.slackApi.callsTo('chat.postMessage').length;
      await app.ctx.ops.execute({ kind: 'take', exceptionId: id }, morgan('teams'));
      const [told] = (await app.slackApi.waitFor('chat.postMessage', posts + 1)).slice(posts);
      expect(told!.body).toEqual({ channel: OPS_CHANNEL, thread_ts: ts, text: 'Morgan took this in Teams.' });
    } finally {
      await stop();
      await pool.end();
    }
  });
});

describe('a step taken with the ops channel’s own buttons', () => {
  it('is reported by the button alone: the job tells Slack nothing more', async () => {
    const { id, ts } = await posted('Dee wants a person');
    const posts = app.slackApi.callsTo('chat.postMessage').length;
    const press = buttonPress(app.slackApi, { userId: 'U0MANAGER', actionId: 'ops:take', value: id, channelId: OPS_CHANNEL, messageTs: ts });
    expect((await postSlack(app.url, payloadBody(press), FORM)).status).toBe(200);
    await app.slackApi.waitFor('chat.postMessage', posts + 1);
    const [updates, after] = [app.slackApi.callsTo('chat.update').length, app.slackApi.callsTo('chat.postMessage').length];
    // Only the earlier tests' steps, each told before.
    expect(await runExceptionStepUpdates(deps())).toMatchObject({ sent: 0 });
    expect([app.slackApi.callsTo('chat.update').length, app.slackApi.callsTo('chat.postMessage').length]).toEqual([updates, after]);
    expect(app.slackApi.callsTo('chat.postMessage').slice(posts).map((c) => c.body.text)).toEqual(['<@U0MANAGER> took this.']);
  });
});

describe('an escalation of an assigned exception', () => {
  it('mentions the assignee the Slack way, in the thread, in the text and the blocks', async () => {
    const { id, ts } = await posted('Eve wants a person');
    await app.ctx.ops.execute({ kind: 'take', exceptionId: id }, morgan('web'));
    const raised = (await app.t.db.exception.findUniqueOrThrow({ where: { id } })).createdAt;
    const posts = app.slackApi.callsTo('chat.postMessage').length;
    await runExceptionAlerts({ ...deps(), clock: () => new Date(raised.getTime() + 61 * 60_000) });
    const words = '<@U0MANAGER> Still assigned 60 minutes after it was raised: Customer asked for a person: Eve wants a person';
    const mine = app.slackApi.callsTo('chat.postMessage').slice(posts).filter((c) => c.body.thread_ts === ts && String(c.body.text).startsWith('<@'));
    expect(mine.map((c) => c.body)).toEqual([{ channel: OPS_CHANNEL, thread_ts: ts, text: words, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: words } }] }]);
  });
});

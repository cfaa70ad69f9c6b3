import { afterAll, beforeAll, expect, it } from 'vitest';
import { listenForRaisedExceptions, runExceptionAlerts } from '../../../src/jobs/exception-alerts.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { inboundParams, postSigned } from '../sms/helpers.ts';
import { OPS_CHANNEL } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Alerts at raise time: the database announces each exception as its transaction
// commits, and the listener posts it to the ops channel without waiting for the minute
// job, whoever raised it (the ops core, or the conversation inside its own
// transaction). The minute job then finds it posted: never twice.

let app: SlackTestApp;
let stop: () => Promise<void>;
const deps = () => ({ db: app.t.db, log: app.ctx.log, clock: app.ctx.clock, notifiers: app.ctx.notifiers, opsRooms: [{ channel: 'slack' as const, address: OPS_CHANNEL }], reraiseMinutes: 60 });

beforeAll(async () => {
  app = await createSlackTestApp();
  await createSalon(app.t.db);
  stop = await listenForRaisedExceptions(app.t.pool, deps());
});
afterAll(async () => {
  await stop();
  await app.close();
});

const opsPosts = () => app.slackApi.callsTo('chat.postMessage').filter((c) => c.body.channel === OPS_CHANNEL);

it('posts an exception raised through the ops core at once, and the minute job posts it no more', async () => {
  const { id } = await app.ctx.ops.raise({ type: 'provider_out', summary: 'Dana is out sick today', dedupeKey: 'dana-out' });
  await app.slackApi.waitFor('chat.postMessage');
  expect(opsPosts()).toHaveLength(1);
  expect(String(opsPosts()[0]!.body.text)).toMatch(/^Provider out: Dana is out sick today\nStatus: open/);
  expect(await app.t.db.slackMessage.findMany({ where: { exceptionId: id }, select: { idempotencyKey: true } })).toEqual([{ idempotencyKey: `exception_alert:${id}` }]);
  expect(await runExceptionAlerts(deps())).toEqual({ sent: 0, duplicate: 1 });
  expect(opsPosts()).toHaveLength(1);
});

it('posts a hand-off the conversation raised in its own transaction, with the customer’s words', async () => {
  expect((await postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550142', 'can I talk to a real person please'))).status).toBe(200);
  await app.slackApi.waitFor('chat.postMessage', 2);
  const [, handoff] = opsPosts();
  expect(String(handoff!.body.text)).toMatch(/^Customer asked for a person: .*\n[\s\S]*Last messages: “can I talk to a real person please”$/);
  expect(await runExceptionAlerts(deps())).toEqual({ sent: 0, duplicate: 2 });
  expect(opsPosts()).toHaveLength(2);
});

it('posts nothing for a raise that rolled back', async () => {
  const before = opsPosts().length;
  await app.t.db
    .$transaction(async (tx) => {
      await tx.exception.create({ data: { type: 'no_slot', subject: 'rolled-back', summary: 'never committed' } });
      throw new Error('roll back');
    })
    .catch(() => {});
  await app.ctx.ops.raise({ type: 'no_slot', summary: 'committed after', dedupeKey: 'after' });
  await app.slackApi.waitFor('chat.postMessage', before + 1);
  await new Promise((r) => setTimeout(r, 300));
  expect(opsPosts().slice(before).map((c) => String(c.body.text).split('\n')[0])).toEqual(['No slot found: committed after']);
});

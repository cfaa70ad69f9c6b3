import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExceptionAlerts } from '../../../src/jobs/exception-alerts.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { inboundParams, postSigned } from '../sms/helpers.ts';
import { OPS_CHANNEL, buttonPress, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Ops triage in the Slack ops channel, end to end: an SMS customer asks for a person
// (a signed Twilio webhook into the real orchestrator), the exception is posted once as
// a parent message, a manager takes it, replies to the customer through the modal
// (the customer gets the text by SMS) and resolves it; each step edits the parent in
// place and says in its thread who did what. A viewer's press changes nothing.

let app: SlackTestApp;
const FORM = 'application/x-www-form-urlencoded';
const ANA = '+12125550142';
// Bolt's client names the workspace a request came from in the calls it makes for it.
const TEAM = 'T0TEAM';
let managerId: string;

beforeAll(async () => {
  app = await createSlackTestApp();
  await createSalon(app.t.db);
  managerId = (await app.t.db.user.create({ data: { name: 'Morgan', role: 'manager', slackUserId: 'U0MANAGER' } })).id;
  await app.t.db.user.create({ data: { name: 'Vic', role: 'viewer', slackUserId: 'U0VIEWER' } });
});
afterAll(() => app.close());

const alerts = (clock = app.ctx.clock) => runExceptionAlerts({ db: app.t.db, log: app.ctx.log, clock, notifiers: app.ctx.notifiers, opsRooms: [{ channel: 'slack', address: OPS_CHANNEL }], reraiseMinutes: 60 });

async function sms(body: string): Promise<void> {
  expect((await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(ANA, body))).status).toBe(200);
}

async function press(userId: string, kind: string, exceptionId: string, parentTs: string): Promise<void> {
  const res = await postSlack(app.url, payloadBody(buttonPress(app.slackApi, { userId, actionId: `ops:${kind}`, value: exceptionId, channelId: OPS_CHANNEL, messageTs: parentTs })), FORM);
  expect(res.status).toBe(200);
}

function card(text: string, buttons: Array<[kind: string, label: string, style?: 'primary' | 'danger']>, exceptionId: string) {
  const blocks: object[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (buttons.length) {
    blocks.push({
      type: 'actions',
      block_id: `exception:${exceptionId}`,
      elements: buttons.map(([kind, label, style]) => kind === 'assign' ? { type: 'users_select', action_id: 'ops:assign', placeholder: { type: 'plain_text', text: label } } : ({
        type: 'button',
        action_id: `ops:${kind}`,
        text: { type: 'plain_text', text: label },
        value: exceptionId,
        ...(style ? { style } : {}),
        ...(style === 'danger'
          ? { confirm: { title: { type: 'plain_text', text: 'Are you sure?' }, text: { type: 'plain_text', text: `${label}?` }, confirm: { type: 'plain_text', text: label }, deny: { type: 'plain_text', text: 'Go back' }, style: 'danger' } }
          : {}),
      })),
    });
  }
  return { text, blocks };
}

describe('an exception raised by an SMS customer, worked in Slack', () => {
  let exceptionId: string;
  let parent: Call;
  let parentTs: string;
  let raised: string;

  it('is posted once to the ops channel with its context and the buttons its type takes', async () => {
    await sms('hi');
    await sms('can I talk to a real person please');
    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'human_requested' }, include: { conversation: true } });
    exceptionId = e.id;
    raised = e.createdAt.toISOString().slice(0, 16).replace('T', ' ');

    expect(await alerts()).toEqual({ sent: 1, duplicate: 0 });
    const posts = await app.slackApi.waitFor('chat.postMessage');
    expect(posts).toHaveLength(1);
    parent = posts[0]!;
    const text = [`Customer asked for a person: ${e.summary}`, `Status: open · raised ${raised} UTC · via sms`, `Customer: ${ANA}`, 'Last messages: “hi” · “can I talk to a real person please”'].join('\n');
    expect(parent.body).toEqual({
      channel: OPS_CHANNEL,
      ...card(text, [['take', 'Take it', 'primary'], ['reply', 'Reply to customer'], ['assign', 'Assign to…'], ['resolve', 'Resolve'], ['dismiss', 'Dismiss', 'danger']], exceptionId),
    });
    parentTs = '1700000000.000001';

    // Every later run finds it announced already.
    expect(await alerts()).toEqual({ sent: 0, duplicate: 1 });
    expect(app.slackApi.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await app.t.db.slackMessage.findMany({ select: { exceptionId: true, channelId: true, ts: true } })).toEqual([{ exceptionId, channelId: OPS_CHANNEL, ts: parentTs }]);
  });

  it('refuses a viewer pressing Resolve: an ephemeral note, and nothing changes', async () => {
    const before = await snapshot(app);
    const responds = app.slackApi.callsTo('respond').length;
    await press('U0VIEWER', 'resolve', exceptionId, parentTs);
    const [refusal] = (await app.slackApi.waitFor('respond', responds + 1)).slice(responds);
    expect(refusal!.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'The viewer role may not ops.resolve.' });
    expect(await snapshot(app)).toEqual(before);
    expect(app.slackApi.callsTo('chat.update')).toHaveLength(0);
    expect(app.slackApi.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a Slack user no Frontdesk user is linked to (default role viewer)', async () => {
    const before = await snapshot(app);
    const responds = app.slackApi.callsTo('respond').length;
    await press('U0STRANGER', 'take', exceptionId, parentTs);
    const [refusal] = (await app.slackApi.waitFor('respond', responds + 1)).slice(responds);
    expect(refusal!.body.text).toBe('The viewer role may not ops.take.');
    expect(await snapshot(app)).toEqual(before);
  });

  it('lets the manager take it: the parent is edited in place and the thread says who', async () => {
    await press('U0MANAGER', 'take', exceptionId, parentTs);
    const [update] = await app.slackApi.waitFor('chat.update');
    const threaded = (await app.slackApi.waitFor('chat.postMessage', 2))[1]!;
    const text = parent.body.text!.toString().replace('Status: open', 'Status: assigned (Morgan)');
    expect(update!.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, ts: parentTs, ...card(text, [['reply', 'Reply to customer'], ['assign', 'Assign to…'], ['resolve', 'Resolve'], ['dismiss', 'Dismiss', 'danger']], exceptionId) });
    expect(threaded.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, thread_ts: parentTs, text: '<@U0MANAGER> took this.' });
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: 'assigned', assigneeUserId: managerId });
  });

  it('opens the reply modal, refuses an empty reply, and sends the text to the customer by SMS', async () => {
    await press('U0MANAGER', 'reply', exceptionId, parentTs);
    const [opened] = await app.slackApi.waitFor('views.open');
    const view = opened!.body.view as Record<string, unknown>;
    expect(opened!.body.trigger_id).toMatch(/^trigger\./);
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'ops:reply',
      private_metadata: JSON.stringify({ exceptionId, channelId: OPS_CHANNEL, ts: parentTs }),
      title: { type: 'plain_text', text: 'Reply to customer' },
      submit: { type: 'plain_text', text: 'Send' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        {
          type: 'input',
          block_id: 'reply',
          label: { type: 'plain_text', text: 'Message to the customer' },
          element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 1000 },
        },
      ],
    });

    const submit = (value: string) =>
      postSlack(
        app.url,
        payloadBody({
          type: 'view_submission',
          team: { id: 'T0TEAM', domain: 'frontdesk' },
          user: { id: 'U0MANAGER', username: 'morgan', team_id: 'T0TEAM' },
          api_app_id: 'A0APP',
          token: 'legacy-verification-token',
          trigger_id: app.slackApi.triggerId(),
          view: { ...view, id: 'V0VIEW', team_id: 'T0TEAM', app_id: 'A0APP', hash: 'h', state: { values: { reply: { text: { type: 'plain_text_input', value } } } } },
        }),
        FORM,
      );
    const empty = await submit('   ');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ response_action: 'errors', errors: { reply: 'Write the message the customer should get.' } });

    const reply = 'Hi Ana, this is Morgan from Bright Salon. How can I help?';
    const sent = await submit(reply);
    expect(sent.status).toBe(200);
    const threaded = (await app.slackApi.waitFor('chat.postMessage', 3))[2]!;
    expect(threaded.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, thread_ts: parentTs, text: `<@U0MANAGER> replied to the customer: “${reply}”` });
    expect((await app.slackApi.waitFor('chat.update', 2))[1]!.body.ts).toBe(parentTs);
    // The customer gets it by SMS, in the outbox and at Twilio.
    const out = await app.t.db.outboundMessage.findMany({ where: { to: ANA, kind: { not: 'reply' } } });
    expect(out.map((o) => o.body)).toEqual([`Bright Salon: ${reply}`]);
    expect(app.twilioApi.accepted.map((m) => m.body)).toContain(`Bright Salon: ${reply}`);
  });

  it('lets the manager resolve it: the parent loses its buttons and says how it closed', async () => {
    await press('U0MANAGER', 'resolve', exceptionId, parentTs);
    const update = (await app.slackApi.waitFor('chat.update', 3))[2]!;
    const threaded = (await app.slackApi.waitFor('chat.postMessage', 4))[3]!;
    const text = [
      parent.body.text!.toString().split('\n')[0],
      `Status: resolved (Morgan) · raised ${raised} UTC · via sms`,
      `Customer: ${ANA}`,
      expect.stringMatching(/^Last messages: /),
    ];
    const lines = String(update.body.text).split('\n');
    expect(lines.slice(0, 4)).toEqual(text);
    expect(lines[4]).toBe('Closed: Resolved in Slack by Morgan');
    expect(update.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: update.body.text } }]);
    expect(threaded.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, thread_ts: parentTs, text: '<@U0MANAGER> resolved this.' });
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: 'resolved' });
    // The steps, by the app clock; the conversation's raise is stamped by the database.
    const trail = await app.t.db.auditEvent.findMany({ where: { entityId: exceptionId, action: { not: 'opened' } }, orderBy: { at: 'asc' } });
    expect(trail.map((a) => [a.action, a.actorId, (a.details as { via?: string }).via ?? null])).toEqual([
      ['assigned', managerId, 'slack'],
      ['replied', managerId, 'slack'],
      ['resolved', managerId, 'slack'],
    ]);
  });
});

describe('an approval_needed exception, worked in Slack', () => {
  it('offers Approve and Decline; staff may approve only their own schedule’s, through the Scheduler', async () => {
    const salon = await app.t.db.location.findFirstOrThrow({ include: { resources: true } });
    const dana = salon.resources.find((r) => r.name === 'Dana')!;
    const lee = salon.resources.find((r) => r.name === 'Lee')!;
    await app.t.db.user.create({ data: { name: 'Dana', role: 'staff', slackUserId: 'U0DANA', resourceId: dana.id } });
    await app.t.db.user.create({ data: { name: 'Lee', role: 'staff', slackUserId: 'U0LEE', resourceId: lee.id } });
    const service = await app.t.db.service.findFirstOrThrow({ where: { slug: 'haircut' } });
    const startsAt = new Date('2026-12-03T15:00:00Z');
    const endsAt = new Date('2026-12-03T15:30:00Z');
    const appt = await app.t.db.appointment.create({ data: { serviceId: service.id, locationId: salon.id, startsAt, endsAt, status: 'requested', channel: 'sms', ruleVersion: 1 } });
    await app.t.db.reservation.create({ data: { resourceId: dana.id, appointmentId: appt.id, sessionKey: appt.id, blockStart: startsAt, blockEnd: endsAt } });
    const { id } = await app.ctx.ops.raise({ type: 'approval_needed', summary: 'Approve Haircut on Dec 3', appointmentId: appt.id });

    const posts = app.slackApi.callsTo('chat.postMessage').length;
    expect(await alerts()).toEqual({ sent: 1, duplicate: 0 });
    const parent = (await app.slackApi.waitFor('chat.postMessage', posts + 1))[posts]!;
    const elements = (parent.body.blocks as Array<{ elements?: Array<{ action_id: string; value: string; style?: string }> }>)[1]!.elements!;
    expect(elements.map((e) => [e.action_id, e.value, e.style ?? null])).toEqual([
      ['ops:take', id, 'primary'],
      ['ops:approve', id, 'primary'],
      ['ops:decline', id, 'danger'],
      ['ops:assign', undefined, null],
      ['ops:resolve', id, null],
      ['ops:dismiss', id, 'danger'],
    ]);
    const ts = `1700000000.${String(posts + 1).padStart(6, '0')}`;

    const before = await snapshot(app);
    const responds = app.slackApi.callsTo('respond').length;
    await press('U0LEE', 'approve', id, ts);
    const [refusal] = (await app.slackApi.waitFor('respond', responds + 1)).slice(responds);
    expect(refusal!.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: `Exception ${id} was not found.` });
    expect(await snapshot(app)).toEqual(before);

    const updates = app.slackApi.callsTo('chat.update').length;
    await press('U0DANA', 'approve', id, ts);
    const update = (await app.slackApi.waitFor('chat.update', updates + 1))[updates]!;
    expect(update.body).toMatchObject({ channel: OPS_CHANNEL, ts });
    expect(String(update.body.text)).toMatch(/^Approval needed: Approve Haircut on Dec 3\nStatus: resolved · raised .* UTC\nClosed: Approved: the appointment is confirmed\.$/);
    const threaded = (await app.slackApi.waitFor('chat.postMessage', posts + 2))[posts + 1]!;
    expect(threaded.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, thread_ts: ts, text: '<@U0DANA> approved this.' });
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe('confirmed');
  });
});

describe('a press the ops core cannot carry out', () => {
  it('answers the presser instead of leaving them waiting, and changes nothing', async () => {
    const before = await snapshot(app);
    const responds = app.slackApi.callsTo('respond').length;
    // Not an exception id at all: the database refuses the lookup itself.
    await press('U0MANAGER', 'take', 'not-a-uuid', '1700000000.000001');
    const [answer] = (await app.slackApi.waitFor('respond', responds + 1)).slice(responds);
    expect(answer!.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Sorry, something went wrong on our side while doing that. Check the exception before trying again.',
    });
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('a colleague who asks for a person in a direct message', () => {
  it('gets the ops reply as a direct message from the app', async () => {
    await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
    const dm = (eventId: string, text: string) =>
      postSlack(
        app.url,
        JSON.stringify({
          type: 'event_callback',
          team_id: 'T0TEAM',
          api_app_id: 'A0APP',
          event_id: eventId,
          event_time: Math.floor(Date.now() / 1000),
          event: { type: 'message', channel: 'D0ROBIN', channel_type: 'im', user: 'U0ROBIN', text, ts: `1700000100.00000${eventId.length}` },
        }),
        'application/json',
      );
    let posts = app.slackApi.callsTo('chat.postMessage').length;
    expect((await dm('Ev0HI', 'hi')).status).toBe(200);
    await app.slackApi.waitFor('chat.postMessage', posts + 1);
    expect((await dm('Ev0PERSON', 'can I talk to a real person please')).status).toBe(200);
    const handedOff = (await app.slackApi.waitFor('chat.postMessage', posts + 2))[posts + 1]!;
    expect(handedOff.body.channel).toBe('D0ROBIN');
    expect(String(handedOff.body.text)).toMatch(/passed this to our team/);

    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'human_requested', conversation: { channel: 'slack' } } });
    posts = app.slackApi.callsTo('chat.postMessage').length;
    expect(await alerts()).toMatchObject({ sent: 1 });
    const parent = (await app.slackApi.waitFor('chat.postMessage', posts + 1))[posts]!;
    expect(String(parent.body.text)).toMatch(/^Customer asked for a person: .*\nStatus: open · raised .* UTC · via slack\nLast messages: “hi” · “can I talk to a real person please”$/);

    const reply = 'Hi Robin, Morgan here: which room do you need?';
    const before = app.slackApi.callsTo('chat.postMessage').length;
    const res = await postSlack(
      app.url,
      payloadBody({
        type: 'view_submission',
        team: { id: 'T0TEAM', domain: 'frontdesk' },
        user: { id: 'U0MANAGER', username: 'morgan', team_id: 'T0TEAM' },
        api_app_id: 'A0APP',
        trigger_id: app.slackApi.triggerId(),
        view: {
          id: 'V0VIEW2',
          type: 'modal',
          callback_id: 'ops:reply',
          private_metadata: JSON.stringify({ exceptionId: e.id, channelId: OPS_CHANNEL, ts: '1700000000.000099' }),
          state: { values: { reply: { text: { type: 'plain_text_input', value: reply } } } },
        },
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    const sent = await app.slackApi.waitFor('chat.postMessage', before + 2);
    const toRobin = sent.slice(before).find((c) => c.body.channel === 'U0ROBIN')!;
    const words = `Bright Salon: ${reply}`;
    expect(toRobin.body).toEqual({ channel: 'U0ROBIN', text: words, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: words } }] });
    expect(await app.t.db.slackMessage.count({ where: { channelId: 'U0ROBIN', ts: { not: null } } })).toBe(1);
  });
});

describe('a post interrupted by a crash', () => {
  it('is made by a later run once the abandoned reservation is old enough, and only then', async () => {
    const { id } = await app.ctx.ops.raise({ type: 'provider_out', summary: 'Lee is out on Dec 5', dedupeKey: 'out:lee:dec5' });
    const key = `exception_alert:${id}`;
    // What a process that stopped between reserving and posting leaves behind.
    await app.t.db.slackMessage.create({ data: { idempotencyKey: key, channelId: OPS_CHANNEL, exceptionId: id } });
    const posts = app.slackApi.callsTo('chat.postMessage').length;
    expect(await alerts()).toMatchObject({ sent: 0 });
    expect(app.slackApi.callsTo('chat.postMessage')).toHaveLength(posts);

    await app.t.db.slackMessage.update({ where: { idempotencyKey: key }, data: { createdAt: new Date(Date.now() - 6 * 60 * 1000) } });
    expect(await alerts()).toMatchObject({ sent: 1 });
    const [post] = (await app.slackApi.waitFor('chat.postMessage', posts + 1)).slice(posts);
    expect(String(post!.body.text)).toMatch(/^Provider out: Lee is out on Dec 5\n/);
    expect((await app.t.db.slackMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).ts).not.toBeNull();
    expect(await alerts()).toMatchObject({ sent: 0 });
  });
});

describe('an exception nobody closes', () => {
  it('is raised again in its thread once per hour it stays open', async () => {
    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'provider_out' } });
    const parent = await app.t.db.slackMessage.findUniqueOrThrow({ where: { idempotencyKey: `exception_alert:${e.id}` } });
    const after = (minutes: number) => () => new Date(e.createdAt.getTime() + minutes * 60_000);
    const posts = app.slackApi.callsTo('chat.postMessage').length;

    expect(await alerts(after(59))).toMatchObject({ sent: 0 });
    expect(await alerts(after(61))).toMatchObject({ sent: 1 });
    expect(await alerts(after(90))).toMatchObject({ sent: 0 });
    expect(await alerts(after(125))).toMatchObject({ sent: 1 });
    const thread = (await app.slackApi.waitFor('chat.postMessage', posts + 2)).slice(posts);
    const words = (m: number) => `Still open ${m} minutes after it was raised: Provider out: Lee is out on Dec 5`;
    expect(thread.map((c) => c.body)).toEqual([60, 120].map((m) => ({ channel: OPS_CHANNEL, thread_ts: parent.ts, text: words(m), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: words(m) } }] })));
  });
});

describe('assigning from the parent message', () => {
  it('hands the exception to the Frontdesk user behind the Slack user picked, if the core allows it', async () => {
    const { id } = await app.ctx.ops.raise({ type: 'no_slot', summary: 'No slot for Color next week', dedupeKey: 'noslot:color' });
    const posts = app.slackApi.callsTo('chat.postMessage').length;
    await alerts();
    await app.slackApi.waitFor('chat.postMessage', posts + 1);
    const ts = `1700000000.${String(posts + 1).padStart(6, '0')}`;
    const pick = async (userId: string, selected: string) => {
      const payload = buttonPress(app.slackApi, { userId, actionId: 'ops:assign', value: '', channelId: OPS_CHANNEL, messageTs: ts }) as { actions: object[] };
      payload.actions = [{ type: 'users_select', action_id: 'ops:assign', block_id: `exception:${id}`, selected_user: selected, action_ts: '3.000001' }];
      const responds = app.slackApi.callsTo('respond').length;
      expect((await postSlack(app.url, payloadBody(payload), FORM)).status).toBe(200);
      return responds;
    };
    const refusal = async (responds: number) => (await app.slackApi.waitFor('respond', responds + 1))[responds]!.body.text;

    const before = await snapshot(app);
    expect(await refusal(await pick('U0MANAGER', 'U0NOBODY'))).toBe('<@U0NOBODY> is not linked to a Frontdesk user, so they cannot be assigned.');
    expect(await refusal(await pick('U0VIEWER', 'U0DANA'))).toBe('The viewer role may not ops.assign.');
    const viewer = await app.t.db.user.findUniqueOrThrow({ where: { slackUserId: 'U0VIEWER' } });
    expect(await refusal(await pick('U0MANAGER', 'U0VIEWER'))).toBe(`User ${viewer.id} is a viewer and may not resolve exceptions.`);
    expect(await snapshot(app)).toEqual(before);

    const updates = app.slackApi.callsTo('chat.update').length;
    await pick('U0MANAGER', 'U0DANA');
    const update = (await app.slackApi.waitFor('chat.update', updates + 1))[updates]!;
    expect(String(update.body.text)).toMatch(/\nStatus: assigned \(Dana\) · /);
    const threaded = (await app.slackApi.waitFor('chat.postMessage', posts + 2))[posts + 1]!;
    expect(threaded.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, thread_ts: ts, text: '<@U0MANAGER> assigned this to <@U0DANA>.' });
    const dana = await app.t.db.user.findUniqueOrThrow({ where: { slackUserId: 'U0DANA' } });
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'assigned', assigneeUserId: dana.id });
  });
});

describe('a reply the presser may not send', () => {
  it('is refused with an ephemeral note in the thread, and nothing is sent or written', async () => {
    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'no_slot' } });
    const before = await snapshot(app);
    const ephemerals = app.slackApi.callsTo('chat.postEphemeral').length;
    const sms = app.twilioApi.accepted.length;
    const res = await postSlack(
      app.url,
      payloadBody({
        type: 'view_submission',
        team: { id: 'T0TEAM', domain: 'frontdesk' },
        user: { id: 'U0VIEWER', username: 'vic', team_id: 'T0TEAM' },
        api_app_id: 'A0APP',
        trigger_id: app.slackApi.triggerId(),
        view: {
          id: 'V0VIEW3',
          type: 'modal',
          callback_id: 'ops:reply',
          private_metadata: JSON.stringify({ exceptionId: e.id, channelId: OPS_CHANNEL, ts: '1700000000.000042' }),
          state: { values: { reply: { text: { type: 'plain_text_input', value: 'We can fit you in on Monday.' } } } },
        },
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    const [note] = (await app.slackApi.waitFor('chat.postEphemeral', ephemerals + 1)).slice(ephemerals);
    expect(note!.body).toEqual({ team_id: TEAM, channel: OPS_CHANNEL, user: 'U0VIEWER', thread_ts: '1700000000.000042', text: 'The viewer role may not ops.reply.' });
    expect(await snapshot(app)).toEqual(before);
    expect(app.twilioApi.accepted).toHaveLength(sms);
  });
});

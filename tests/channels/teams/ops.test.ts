import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExceptionAlerts } from '../../../src/jobs/exception-alerts.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { inboundParams, postSigned } from '../sms/helpers.ts';
import { activity, cardOf, executeAction, OPS_CHANNEL, postActivity, ROBIN, type Sent } from './helpers.ts';
import { createTeamsTestApp, type TeamsTestApp } from './setup.ts';

// Ops triage in the Teams ops channel, end to end: an SMS customer asks for a person,
// the exception is posted once as a card to TEAMS_OPS_CHANNEL, a manager works it with
// the card's buttons (Action.Execute invokes, answered with the updated card; a line in
// the card's thread says who did what): take, assign through the people picker, reply
// to the customer (who gets it by SMS), resolve. The ops core's permission matrix
// decides; a viewer's press changes nothing; every step is audited with the Teams user.

let app: TeamsTestApp;
const ANA = '+12125550142';
const MORGAN = { id: '29:morgan', name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-0000000000b2' };
const VIC = { id: '29:vic', name: 'Vic', aadObjectId: '00000000-0000-4000-8000-0000000000b3' };
const DANA_AAD = '00000000-0000-4000-8000-0000000000b4';
let managerId: string;
let danaId: string;

beforeAll(async () => {
  app = await createTeamsTestApp();
  const salon = await createSalon(app.t.db);
  managerId = (await app.t.db.user.create({ data: { name: 'Morgan', role: 'manager', teamsUserId: MORGAN.aadObjectId } })).id;
  await app.t.db.user.create({ data: { name: 'Vic', role: 'viewer', teamsUserId: VIC.aadObjectId } });
  danaId = (await app.t.db.user.create({ data: { name: 'Dana', role: 'staff', teamsUserId: DANA_AAD, resourceId: salon.staff.dana } })).id;
});
afterAll(() => app.close());

const alerts = (clock = app.ctx.clock) =>
  runExceptionAlerts({ db: app.t.db, log: app.ctx.log, clock, notifiers: app.ctx.notifiers, opsRooms: [{ channel: 'teams', address: OPS_CHANNEL }], reraiseMinutes: 60 });

async function sms(body: string): Promise<void> {
  expect((await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(ANA, body))).status).toBe(200);
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
type Button = [command: string, title: string, style?: 'positive' | 'destructive'];

function opsButton(exceptionId: string, [command, title, style]: Button) {
  const data = { frontdesk: 'ops', command, exceptionId };
  const look = style ? { style } : {};
  return { type: 'Action.Execute', title, verb: `ops:${command}`, data, ...look, fallback: { type: 'Action.Submit', title, data, ...look } };
}

const REPLY_INPUT = { type: 'Input.Text', id: 'replyText', isMultiline: true, maxLength: 1000, placeholder: 'Message to the customer', label: 'Reply to customer' };
const PEOPLE_PICKER = { type: 'Input.ChoiceSet', id: 'assignee', label: 'Assign to', placeholder: 'Search for a person', choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } };

/** The exception card: its title, the other lines subtle, the note of the last step, the inputs its buttons need, the buttons. */
function exceptionCard(text: string, buttons: Button[], exceptionId: string, note?: string) {
  const [title, ...rest] = text.split('\n');
  const commands = buttons.map((b) => b[0]);
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    fallbackText: note ? `${text}\n${note}` : text,
    body: [
      { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder' },
      ...rest.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'None', isSubtle: true })),
      ...(note ? [{ type: 'TextBlock', text: note, wrap: true, spacing: 'Medium' }] : []),
      ...(commands.includes('reply') ? [REPLY_INPUT] : []),
      ...(commands.includes('assign') ? [PEOPLE_PICKER] : []),
    ],
    ...(buttons.length ? { actions: buttons.map((b) => opsButton(exceptionId, b)) } : {}),
  };
}

const OPEN: Button[] = [['take', 'Take it', 'positive'], ['reply', 'Reply to customer'], ['assign', 'Assign'], ['resolve', 'Resolve'], ['dismiss', 'Dismiss', 'destructive']];
const ASSIGNED = OPEN.slice(1);

describe('an exception raised by an SMS customer, worked in Teams', () => {
  let exceptionId: string;
  let parent: Sent;
  let text: string;
  let thread: string;
  let raisedAt: Date;

  /** Presses a button of the card in the channel: the invoke comes from the card's thread. */
  async function press(user: typeof MORGAN, command: string, inputs: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const invoke = executeAction(app.microsoft, { frontdesk: 'ops', command, exceptionId, ...inputs }, { from: user, conversation: { id: thread, conversationType: 'channel' }, replyToId: parent.id });
    const res = await postActivity(app.url, invoke, await app.microsoft.token());
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  /** The next line in the card's thread. */
  async function threadLine(before: number): Promise<Sent> {
    const line = (await app.microsoft.waitForSent(before + 1))[before]!;
    expect(line).toMatchObject({ method: 'POST', conversationId: thread });
    return line;
  }

  it('is posted once to the ops channel as a card with its context and the controls its type takes', async () => {
    await sms('hi');
    await sms('can I talk to a real person please');
    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'human_requested' } });
    exceptionId = e.id;
    raisedAt = e.createdAt;
    const raised = e.createdAt.toISOString().slice(0, 16).replace('T', ' ');

    expect(await alerts()).toEqual({ sent: 1, duplicate: 0 });
    const posts = await app.microsoft.waitForSent(1);
    expect(posts).toHaveLength(1);
    parent = posts[0]!;
    thread = `${OPS_CHANNEL};messageid=${parent.id}`;
    // A new post in the channel (not a reply), at the configured Bot Connector: the bot has not seen the channel yet.
    expect(parent).toMatchObject({ method: 'POST', conversationId: OPS_CHANNEL, body: { type: 'message', conversation: { id: OPS_CHANNEL, conversationType: 'channel' } } });
    expect(parent.activityId).toBeUndefined();
    text = [`Customer asked for a person: ${e.summary}`, `Status: open · raised ${raised} UTC · via sms`, `Customer: ${ANA}`, 'Last messages: “hi” · “can I talk to a real person please”'].join('\n');
    expect(cardOf(parent.body)).toEqual(exceptionCard(text, OPEN, exceptionId));

    // Every later run finds it announced already.
    expect(await alerts()).toEqual({ sent: 0, duplicate: 1 });
    expect(app.microsoft.sent).toHaveLength(1);
    expect(await app.t.db.teamsMessage.findMany({ select: { exceptionId: true, conversationId: true, activityId: true } })).toEqual([{ exceptionId, conversationId: OPS_CHANNEL, activityId: parent.id }]);
  });

  it('raises a still-open exception again in its card’s thread, once per period', async () => {
    // The raise is stamped by the database; an hour and a minute after it:
    const later = () => new Date(raisedAt.getTime() + 61 * 60_000);
    const before = app.microsoft.sent.length;
    expect(await alerts(later)).toEqual({ sent: 1, duplicate: 1 });
    const again = await threadLine(before);
    expect(cardOf(again.body).fallbackText).toBe(`Still open 60 minutes after it was raised: ${text.split('\n')[0]}`);
    expect(await alerts(later)).toEqual({ sent: 0, duplicate: 2 });
  });

  it('refuses a viewer pressing Resolve: a message to the presser, and nothing changes', async () => {
    // The first activity from the channel tells the bot where the channel is (kept for proactive posts); that aside, nothing is written.
    const state = async () => {
      const { teams_conversation: _where, ...rest } = await snapshot(app);
      return rest;
    };
    const before = await state();
    const sent = app.microsoft.sent.length;
    expect(await press(VIC, 'resolve')).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'The viewer role may not ops.resolve.' });
    expect(await press({ id: '29:stranger', name: 'Stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff' }, 'take')).toMatchObject({ value: 'The viewer role may not ops.take.' });
    expect(await state()).toEqual(before);
    expect(app.microsoft.sent).toHaveLength(sent);
  });

  it('lets the manager take it: the card is replaced in place and its thread says who', async () => {
    const before = app.microsoft.sent.length;
    const answer = await press(MORGAN, 'take');
    const taken = text.replace('Status: open', 'Status: assigned (Morgan)');
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: exceptionCard(taken, ASSIGNED, exceptionId, 'Morgan took this.') });
    expect(cardOf((await threadLine(before)).body).fallbackText).toBe('Morgan took this.');
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: 'assigned', assigneeUserId: managerId });
  });

  it('assigns through the people picker, only to someone linked to a Frontdesk user', async () => {
    const before = await snapshot(app);
    expect(await press(MORGAN, 'assign', { assignee: '00000000-0000-4000-8000-0000000000ff' })).toMatchObject({ value: 'That person is not linked to a Frontdesk user, so they cannot be assigned.' });
    expect(await press(MORGAN, 'assign')).toMatchObject({ value: 'Pick the person to assign this to, then press Assign.' });
    expect(await snapshot(app)).toEqual(before);

    const answer = await press(MORGAN, 'assign', { assignee: DANA_AAD });
    expect((answer.value as { fallbackText: string }).fallbackText).toMatch(/Status: assigned \(Dana\)[\s\S]*\nMorgan assigned this to Dana\.$/);
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ assigneeUserId: danaId });
  });

  it('sends the text written on the card to the customer by SMS', async () => {
    expect(await press(MORGAN, 'reply', { replyText: '  ' })).toMatchObject({ value: 'Write the message the customer should get, then press Reply to customer.' });
    const reply = 'Hi Ana, this is Morgan from Bright Salon. How can I help?';
    const before = app.microsoft.sent.length;
    const answer = await press(MORGAN, 'reply', { replyText: reply });
    expect((answer.value as { fallbackText: string }).fallbackText.endsWith(`\nMorgan replied to the customer: “${reply}”.`)).toBe(true);
    expect(cardOf((await threadLine(before)).body).fallbackText).toBe(`Morgan replied to the customer: “${reply}”.`);
    const out = await app.t.db.outboundMessage.findMany({ where: { to: ANA, kind: { not: 'reply' } } });
    expect(out.map((o) => o.body)).toEqual([`Bright Salon: ${reply}`]);
    expect(app.twilioApi.accepted.map((m) => m.body)).toContain(`Bright Salon: ${reply}`);
  });

  it('lets the manager resolve it: the card loses its buttons, says how it closed, and the trail names the Teams user', async () => {
    const answer = await press(MORGAN, 'resolve');
    const card = answer.value as { fallbackText: string; actions?: unknown };
    expect(card.actions).toBeUndefined();
    expect(card.fallbackText.split('\n').slice(-2)).toEqual(['Closed: Resolved in Teams by Morgan', 'Morgan resolved this.']);
    expect(await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).toMatchObject({ status: 'resolved' });
    // Every step at the app's fixed clock: compared as a set.
    const trail = await app.t.db.auditEvent.findMany({ where: { entityId: exceptionId, action: { notIn: ['opened', 'escalated'] } } });
    expect(trail.map((a) => [a.action, a.actorId, (a.details as { via?: string }).via ?? null]).sort()).toEqual([
      ['assigned', managerId, 'teams'],
      ['assigned', managerId, 'teams'],
      ['replied', managerId, 'teams'],
      ['resolved', managerId, 'teams'],
    ]);
  });
});

describe('an approval_needed exception, approved with the Action.Submit fallback', () => {
  it('confirms the appointment, updates the card in place and says who in its thread', async () => {
    const salon = await app.t.db.location.findFirstOrThrow({ include: { resources: true } });
    const dana = salon.resources.find((r) => r.name === 'Dana')!;
    const service = await app.t.db.service.findFirstOrThrow({ where: { slug: 'haircut' } });
    const startsAt = new Date('2026-12-03T15:00:00Z');
    const endsAt = new Date('2026-12-03T15:30:00Z');
    const appt = await app.t.db.appointment.create({ data: { serviceId: service.id, locationId: salon.id, startsAt, endsAt, status: 'requested', channel: 'sms', ruleVersion: 1 } });
    await app.t.db.reservation.create({ data: { resourceId: dana.id, appointmentId: appt.id, sessionKey: appt.id, blockStart: startsAt, blockEnd: endsAt } });
    const { id } = await app.ctx.ops.raise({ type: 'approval_needed', summary: 'Approve Haircut on Dec 3', appointmentId: appt.id });

    const posts = app.microsoft.sent.length;
    // The first exception is resolved: only this one is announced.
    expect(await alerts()).toEqual({ sent: 1, duplicate: 0 });
    const parent = (await app.microsoft.waitForSent(posts + 1))[posts]!;
    const buttons = (cardOf(parent.body).actions as Array<{ verb: string; style?: string }>).map((a) => [a.verb, a.style ?? null]);
    expect(buttons).toEqual([['ops:take', 'positive'], ['ops:approve', 'positive'], ['ops:decline', 'destructive'], ['ops:assign', null], ['ops:resolve', null], ['ops:dismiss', 'destructive']]);

    const thread = `${OPS_CHANNEL};messageid=${parent.id}`;
    const submit = activity(app.microsoft, 'message', { from: MORGAN, conversation: { id: thread, conversationType: 'channel' }, replyToId: parent.id, value: { frontdesk: 'ops', command: 'approve', exceptionId: id } });
    expect((await postActivity(app.url, submit, await app.microsoft.token())).status).toBe(200);
    const [update, line] = (await app.microsoft.waitForSent(posts + 3)).slice(posts + 1);
    expect(update).toMatchObject({ method: 'PUT', conversationId: thread, activityId: parent.id });
    expect(cardOf(update!.body).fallbackText).toMatch(/^Approval needed: Approve Haircut on Dec 3\nStatus: resolved · raised .* UTC\nClosed: Approved: the appointment is confirmed\.\nMorgan approved this\.$/);
    expect(line).toMatchObject({ method: 'POST', conversationId: thread });
    expect(cardOf(line!.body).fallbackText).toBe('Morgan approved this.');
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe('confirmed');
  });
});

describe('a colleague who asks for a person in their Teams chat', () => {
  it('gets the ops reply in that chat, proactively', async () => {
    await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', teamsUserId: ROBIN.aadObjectId } });
    const say = async (text: string) => {
      const before = app.microsoft.sent.length;
      expect((await postActivity(app.url, activity(app.microsoft, 'message', { text }), await app.microsoft.token())).status).toBe(200);
      return (await app.microsoft.waitForSent(before + 1))[before]!;
    };
    await say('hi');
    const handedOff = await say('can I talk to a real person please');
    expect(cardOf(handedOff.body).fallbackText).toMatch(/passed this to our team/);
    const e = await app.t.db.exception.findFirstOrThrow({ where: { type: 'human_requested', conversation: { channel: 'teams' } } });

    const before = app.microsoft.sent.length;
    const reply = 'Hi Robin, Morgan here: which room do you need?';
    await app.ctx.ops.execute({ kind: 'reply', exceptionId: e.id, text: reply }, { userId: managerId, role: 'manager', via: 'teams', displayName: 'Morgan' });
    const [dm] = (await app.microsoft.waitForSent(before + 1)).slice(before);
    // A new message in Robin's personal chat, not a reply to anything.
    expect(dm).toMatchObject({ method: 'POST', conversationId: 'a:personal-robin', body: { recipient: { id: ROBIN.id } } });
    expect(dm!.activityId).toBeUndefined();
    expect(cardOf(dm!.body).fallbackText).toBe(`Bright Salon: ${reply}`);
  });
});

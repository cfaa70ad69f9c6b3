import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExceptionAlerts } from '../../../src/jobs/exception-alerts.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { inboundParams, postSigned } from '../sms/helpers.ts';
import { OPS_CHANNEL, buttonPress, payloadBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Offer new times on a no-slot exception: the button opens a modal at once (its
// trigger_id lasts 3 s), fills it with the engine's free times for the customer's
// service, and the times picked go to the customer by SMS through the ops core, which
// writes them to the transcript and the audit trail with the Slack user.

let app: SlackTestApp;
let salon: Fixture;
let exceptionId: string;
const FORM = 'application/x-www-form-urlencoded';
const ANA = '+12125550142';
const PARENT_TS = '1700000000.000001';

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Morgan', role: 'manager', slackUserId: 'U0MANAGER' } });
  await app.t.db.user.create({ data: { name: 'Vic', role: 'viewer', slackUserId: 'U0VIEWER' } });
  const ana = await app.t.db.customer.create({ data: { phone: ANA, name: 'Ana' } });
  exceptionId = (await app.ctx.ops.raise({ type: 'no_slot', summary: 'No openings for Haircut that suit Ana', customerId: ana.id, details: { serviceId: salon.services.haircut } })).id;
  await runExceptionAlerts({ db: app.t.db, log: app.ctx.log, clock: app.ctx.clock, notifiers: app.ctx.notifiers, opsRooms: [{ channel: 'slack' as const, address: OPS_CHANNEL }], reraiseMinutes: 0 });
});
afterAll(() => app.close());

type Option = { text: { type: string; text: string }; value: string };
type View = { callback_id: string; private_metadata: string; blocks: Array<{ type: string; block_id?: string; text?: { text: string }; element?: { options: Option[] } }>; submit?: unknown };

async function pressOffer(userId: string): Promise<{ opened: View; filled: View }> {
  const opens = app.slackApi.callsTo('views.open').length;
  const updates = app.slackApi.callsTo('views.update').length;
  const body = payloadBody(buttonPress(app.slackApi, { userId, actionId: 'ops:offer_times', value: exceptionId, channelId: OPS_CHANNEL, messageTs: PARENT_TS }));
  expect((await postSlack(app.url, body, FORM)).status).toBe(200);
  const opened = (await app.slackApi.waitFor('views.open', opens + 1))[opens]!;
  const filled = (await app.slackApi.waitFor('views.update', updates + 1))[updates]!;
  expect(filled.body.view_id).toBe('V0VIEW');
  return { opened: opened.body.view as View, filled: filled.body.view as View };
}

function submit(view: View, picked: Option[]) {
  return postSlack(
    app.url,
    payloadBody({
      type: 'view_submission',
      team: { id: 'T0TEAM', domain: 'frontdesk' },
      user: { id: 'U0MANAGER', username: 'morgan', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      trigger_id: app.slackApi.triggerId(),
      view: { ...view, id: 'V0VIEW', type: 'modal', state: { values: { times: { picked: { type: 'checkboxes', selected_options: picked } } } } },
    }),
    FORM,
  );
}

describe('Offer new times', () => {
  let view: View;

  it('is on the no-slot alert', () => {
    const [parent] = app.slackApi.callsTo('chat.postMessage');
    const elements = (parent!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; text?: { text: string } }> }>).find((b) => b.type === 'actions')!.elements!;
    expect(elements.map((e) => e.action_id)).toEqual(['ops:take', 'ops:offer_times', 'ops:reply', 'ops:assign', 'ops:resolve', 'ops:dismiss']);
  });

  it('opens a modal at once and fills it with the engine’s free times for the customer’s service', async () => {
    const { opened, filled } = await pressOffer('U0MANAGER');
    expect(opened.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Looking up free times…' } }]);
    expect(JSON.parse(opened.private_metadata)).toEqual({ exceptionId, channelId: OPS_CHANNEL, ts: PARENT_TS });
    const slots = await app.ctx.scheduler.findSlots({ service: salon.services.haircut, from: new Date('2026-12-01T14:00:00Z'), to: new Date('2026-12-15T14:00:00Z'), limit: 10 });
    const options = filled.blocks.find((b) => b.block_id === 'times')!.element!.options;
    expect(options.map((o) => o.value)).toEqual(slots.map((s) => s.start.toISOString()));
    expect(options[0]!.text.text).toMatch(/^Tue Dec 1, 9:00 AM with (Dana|Lee)$/);
    view = filled;
  });

  it('refuses a viewer inside the modal, and nothing changes', async () => {
    const before = await snapshot(app);
    const { filled } = await pressOffer('U0VIEWER');
    expect(filled.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'The viewer role may not ops.offer_times.' } }]);
    expect(filled.submit).toBeUndefined();
    expect(await snapshot(app)).toEqual(before);
  });

  it('asks for at least one time', async () => {
    const res = await submit(view, []);
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { times: 'Pick at least one time.' } });
  });

  it('sends the picked times to the customer by SMS, edits the alert and says so in its thread', async () => {
    const options = view.blocks.find((b) => b.block_id === 'times')!.element!.options;
    const picked = [options[0]!, options[3]!];
    expect((await submit(view, picked)).status).toBe(200);
    const threaded = (await app.slackApi.waitFor('chat.postMessage', 2))[1]!;
    expect(threaded.body).toEqual({ team_id: 'T0TEAM', channel: OPS_CHANNEL, thread_ts: PARENT_TS, text: `<@U0MANAGER> offered the customer new times: ${picked[0]!.text.text}; ${picked[1]!.text.text}` });
    expect((await app.slackApi.waitFor('chat.update'))[0]!.body.ts).toBe(PARENT_TS);
    const words = `Bright Salon: We can offer you Haircut at:\n1) ${picked[0]!.text.text}\n2) ${picked[1]!.text.text}\nReply with the time that suits you.`;
    expect(app.twilioApi.accepted.map((m) => [m.to, m.body])).toEqual([[ANA, words]]);
    const audit = await app.t.db.auditEvent.findFirstOrThrow({ where: { entityId: exceptionId, action: 'offered_times' } });
    expect(audit.details).toMatchObject({ times: picked.map((p) => p.value), channel: 'sms', via: 'slack', displayName: 'Morgan' });
    const said = await app.t.db.message.findFirstOrThrow({ where: { role: 'staff' } });
    expect(said.text).toBe(words.slice('Bright Salon: '.length));
  });

  it('lets the customer pick an offered time by its number, then books it through the engine once they confirm', async () => {
    const picked = view.blocks.find((b) => b.block_id === 'times')!.element!.options[3]!;
    const text = async (body: string) => (await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(ANA, body))).text();
    expect(await app.t.db.appointment.count()).toBe(0);
    const proposal = await text('2');
    expect(proposal).toContain(picked.text.text.replace(/ with .*/, ''));
    expect(await app.t.db.appointment.count()).toBe(0);
    expect(await text('yes')).toContain('Booked');
    const booked = await app.t.db.appointment.findMany({ include: { customer: true } });
    expect(booked.map((a) => [a.startsAt.toISOString(), a.status, a.customer?.phone])).toEqual([[picked.value, 'confirmed', ANA]]);
  });
});

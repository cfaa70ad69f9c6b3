import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { buttonPress, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Reschedule on a staff member's schedule: the button opens a loading modal on the
// trigger at once, then fills it with the engine's free times (own provider first,
// then the location's other staff who can take it). Submitting moves the appointment
// through the engine as that staff member, the customer is told by SMS, and the
// schedule message is redrawn in place. Someone else's appointment and a time taken
// meanwhile are refused, with nothing written.

let app: SlackTestApp;
let salon: Fixture;
const FORM = 'application/x-www-form-urlencoded';
const ANA = '+12125550111';
// NOW is 9:00 AM in New York on Tue Dec 1; the appointment is at noon.
const NOON = '2026-12-01T17:00:00Z';
const TITLE = { type: 'plain_text', text: 'Reschedule' };
const CLOSE = { type: 'plain_text', text: 'Close' };
const APPOINTMENT = '*Haircut with Dana*\nTue Dec 1, 12:00 PM–12:30 PM EST\nMain St, 12 Main St, New York, NY';

let appointment: string;
let danaUser: string;

/** Free half hours from 9:00 (Dana) and 10:00 (Lee), as labels and the instant each starts. */
const DANA_FREE = ['9:00', '9:30', '10:00', '10:30', '11:00', '11:30'];
const LEE_FREE = ['10:00', '10:30', '11:00', '11:30', '12:00', '12:30'];
const utc = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return new Date(Date.UTC(2026, 11, 1, h! + 5, m)).toISOString();
};
const ampm = (clock: string) => {
  const [h, m] = clock.split(':');
  return `${Number(h) > 12 ? Number(h) - 12 : h}:${m} ${Number(h) >= 12 ? 'PM' : 'AM'}`;
};
const free = (who: 'dana' | 'lee', clocks: string[]) => clocks.map((c) => option(`Tue Dec 1, ${ampm(c)} with ${who === 'dana' ? 'Dana' : 'Lee'}`, utc(c), salon.staff[who]));

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  danaUser = (await app.t.db.user.create({ data: { name: 'Dana', role: 'staff', slackUserId: 'U0DANA', resourceId: salon.staff.dana } })).id;
  await app.t.db.user.create({ data: { name: 'Lee', role: 'staff', slackUserId: 'U0LEE', resourceId: salon.staff.lee } });
  const customer = await app.t.db.customer.create({ data: { name: 'Ana', phone: ANA } });
  const r = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date(NOON), resourceId: salon.staff.dana, customerId: customer.id, channel: 'sms', actor: { type: 'customer', id: customer.id } });
  if (!r.ok) throw new Error(r.message);
  appointment = r.appointment.id;
});
afterAll(() => app.close());

const next = async (method: string, act: () => Promise<unknown>): Promise<Call> => {
  const before = app.slackApi.callsTo(method).length;
  await act();
  return (await app.slackApi.waitFor(method, before + 1))[before]!;
};

/** Presses Reschedule as `userId`; resolves with the views.open and views.update calls it made. */
async function pressReschedule(userId: string, responseUrl: string): Promise<{ opened: Call; updated: Call; trigger: string }> {
  const press: Record<string, unknown> = { ...buttonPress(app.slackApi, { userId, actionId: 'schedule:reschedule', value: appointment }), response_url: responseUrl };
  let opened: Call | undefined;
  const updated = await next('views.update', async () => {
    opened = await next('views.open', async () => expect((await postSlack(app.url, payloadBody(press), FORM)).status).toBe(200));
  });
  return { opened: opened!, updated, trigger: press.trigger_id as string };
}

const meta = (responseUrl: string) => JSON.stringify({ appointmentId: appointment, responseUrl });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const option = (label: string, start: string, resource: string) => ({ text: { type: 'plain_text', text: label }, value: `${start}|${resource}` });

function form(responseUrl: string, options: unknown[], refusal?: string) {
  return {
    type: 'modal',
    callback_id: 'move_form',
    title: TITLE,
    submit: { type: 'plain_text', text: 'Move' },
    close: CLOSE,
    private_metadata: meta(responseUrl),
    blocks: [
      section(APPOINTMENT),
      ...(refusal ? [section(`:warning: ${refusal}`)] : []),
      {
        type: 'input',
        block_id: 'time',
        label: { type: 'plain_text', text: 'New time' },
        hint: { type: 'plain_text', text: 'Its own provider first, then other staff who can take it' },
        element: { type: 'static_select', action_id: 'move_form:time', placeholder: { type: 'plain_text', text: 'Pick a free time' }, options },
      },
    ],
  };
}

async function submit(userId: string, responseUrl: string, value: string): Promise<Response> {
  const state = { values: { time: { 'move_form:time': { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'x' }, value } } } } };
  const view = { id: 'V0VIEW', team_id: 'T0TEAM', app_id: 'A0APP', type: 'modal', callback_id: 'move_form', hash: 'h', private_metadata: meta(responseUrl), state };
  return postSlack(app.url, payloadBody({ type: 'view_submission', team: { id: 'T0TEAM', domain: 'frontdesk' }, user: { id: userId, username: userId.toLowerCase(), team_id: 'T0TEAM' }, api_app_id: 'A0APP', trigger_id: app.slackApi.triggerId(), view }), FORM);
}

const rows = async () => ({
  appointments: await app.t.db.appointment.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, startsAt: true } }),
  events: await app.t.db.appointmentEvent.count(),
  outbound: await app.t.db.outboundMessage.count(),
});

describe('Reschedule on a staff member’s schedule', () => {
  it('opens a loading modal on the trigger, then lists the engine’s free times, own provider first', async () => {
    const url = app.slackApi.responseUrl();
    const { opened, updated, trigger } = await pressReschedule('U0DANA', url);
    expect(opened.body).toEqual({ team_id: 'T0TEAM', trigger_id: trigger, view: { type: 'modal', callback_id: 'move_form', title: TITLE, close: CLOSE, private_metadata: meta(url), blocks: [section('Loading the free times…')] } });
    expect(updated.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: form(url, [...free('dana', DANA_FREE), ...free('lee', LEE_FREE)]) });
  });

  it('refuses a staff member whose schedule it is not on, in the modal and on a forged submission, changing nothing', async () => {
    const url = app.slackApi.responseUrl();
    const before = await rows();
    const { updated } = await pressReschedule('U0LEE', url);
    const refusal = { type: 'modal', callback_id: 'move_form', title: TITLE, close: CLOSE, private_metadata: meta(url), blocks: [section('Only the staff member of this appointment, or a manager, can move it.')] };
    expect(updated.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: refusal });
    const again = await next('views.update', async () => expect((await submit('U0LEE', url, `${utc('10:00')}|${salon.staff.lee}`)).status).toBe(200));
    expect(again.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: refusal });
    expect(await rows()).toEqual(before);
    expect(app.slackApi.calls.some((c) => c.method === 'respond' && c.body.replace_original === true && String(c.body.text).startsWith('Moved'))).toBe(false);
  });

  it('refuses a time taken meanwhile, showing the refusal and fresh times, writing nothing', async () => {
    const url = app.slackApi.responseUrl();
    await pressReschedule('U0DANA', url);
    // Another customer takes Dana's 9:30 while the modal is open.
    const other = await app.t.db.customer.create({ data: { name: 'Bo', phone: '+12125550122' } });
    const taken = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date(utc('9:30')), resourceId: salon.staff.dana, customerId: other.id, channel: 'sms', actor: { type: 'customer', id: other.id } });
    expect(taken.ok).toBe(true);
    const before = await rows();
    const updated = await next('views.update', async () => expect((await submit('U0DANA', url, `${utc('9:30')}|${salon.staff.dana}`)).status).toBe(200));
    const fresh = [...free('dana', ['9:00', '10:00', '10:30', '11:00', '11:30', '12:30']), ...free('lee', LEE_FREE)];
    expect(updated.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: form(url, fresh, 'That time was taken meanwhile; nothing was changed. Pick another.') });
    expect(await rows()).toEqual(before);
  });

  it('refuses a submitted value that names no time or no staff member of the location, writing nothing', async () => {
    const url = app.slackApi.responseUrl();
    const before = await rows();
    for (const value of [`not-a-time|${salon.staff.lee}`, `${utc('10:00')}|not-a-resource`]) {
      const updated = await next('views.update', async () => expect((await submit('U0DANA', url, value)).status).toBe(200));
      expect((updated.body.view as { blocks: unknown[] }).blocks[1]).toEqual(section(':warning: Pick one of the free times.'));
    }
    expect(await rows()).toEqual(before);
  });

  it('moves it through the engine as the staff member, tells the customer by SMS, and redraws the schedule in place', async () => {
    const url = app.slackApi.responseUrl();
    await pressReschedule('U0DANA', url);
    const before = { respond: app.slackApi.callsTo('respond').length, update: app.slackApi.callsTo('views.update').length };
    const res = await submit('U0DANA', url, `${utc('10:00')}|${salon.staff.lee}`);
    expect(res.status).toBe(200);
    // Acked at once with a "Moving" view; the outcome follows by views.update.
    expect(await res.json()).toEqual({ response_action: 'update', view: { type: 'modal', callback_id: 'move_form', title: TITLE, close: CLOSE, private_metadata: meta(url), blocks: [section('Moving the appointment…')] } });
    const note = 'Moved: Haircut with Dana, Tue Dec 1, 12:00 PM–12:30 PM EST → Haircut with Lee, Tue Dec 1, 10:00 AM–10:30 AM EST.';
    const updated = (await app.slackApi.waitFor('views.update', before.update + 1))[before.update]!;
    expect(updated.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: { type: 'modal', callback_id: 'move_form', title: TITLE, close: CLOSE, private_metadata: meta(url), blocks: [section(note)] } });

    const redrawn = (await app.slackApi.waitFor('respond', before.respond + 1))[before.respond]!;
    expect(redrawn.body.replace_original).toBe(true);
    expect((redrawn.body.blocks as Array<{ text?: { text: string } }>)[0]!.text!.text).toBe(note);
    // Dana's schedule today now holds only Bo's 9:30; the moved haircut is Lee's.
    expect(String(redrawn.body.text).split('Your schedule today:')[1]).toBe('\n• Haircut with Dana, Tue Dec 1, 9:30 AM–10:00 AM EST');

    const old = await app.t.db.appointment.findUniqueOrThrow({ where: { id: appointment }, include: { rescheduledTo: { include: { reservations: true } } } });
    expect([old.status, old.cancelReason]).toEqual(['canceled', 'rescheduled']);
    const moved = old.rescheduledTo!;
    expect([moved.status, moved.startsAt.toISOString(), moved.reservations.map((r) => r.resourceId)]).toEqual(['confirmed', utc('10:00'), [salon.staff.lee]]);
    const event = await app.t.db.appointmentEvent.findFirstOrThrow({ where: { appointmentId: appointment, action: 'rescheduled' } });
    expect([event.actorType, event.actorId]).toEqual(['user', danaUser]);
    const sms = await app.t.db.outboundMessage.findMany({ where: { to: ANA } });
    expect(sms.map((m) => m.body)).toEqual([expect.stringMatching(/^Bright Salon: your Haircut on Tue Dec 1, 10:00 AM.* is confirmed\./)]);
  });
});

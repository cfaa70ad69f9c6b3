import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueReminders } from '../../../src/jobs/reminders.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { buttonPress, commandBody, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// A colleague's own bookings in Slack: reminders and admin-API changes reach the
// Slack user who booked by DM (Block Kit and plain text from the committed record);
// /appointments lists them with Reschedule and Cancel (a confirm dialog, the message
// redrawn in place); a Cancel pressed twice cancels once; someone else's press is refused.

let app: SlackTestApp;
let salon: Fixture;
let robin: string;
const FORM = 'application/x-www-form-urlencoded';
const WHERE = 'Main St, 12 Main St, New York, NY';

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  robin = (await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } })).id;
  await app.t.db.user.create({ data: { name: 'Sam', role: 'staff', slackUserId: 'U0SAM' } });
  await app.t.db.service.update({ where: { id: salon.services.haircut }, data: { reminderOffsetsMinutes: [60] } });
});
afterAll(() => app.close());

/** Robin books a haircut with Dana in Slack, as the conversation does (requester: Robin's user). */
async function robinBooks(start: string): Promise<string> {
  const r = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date(start), resourceId: salon.staff.dana, requesterUserId: robin, channel: 'slack', actor: { type: 'user', id: robin, channel: 'slack' } });
  if (!r.ok) throw new Error(r.message);
  return r.appointment.id;
}

const dmsTo = (user: string) => app.slackApi.callsTo('chat.postMessage').filter((c) => c.body.channel === user);

async function command(text: string, userId: string): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  expect((await postSlack(app.url, commandBody(app.slackApi, { command: '/appointments', text, userId }), FORM)).status).toBe(200);
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

async function press(userId: string, actionId: string, value: string): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  expect((await postSlack(app.url, payloadBody(buttonPress(app.slackApi, { userId, actionId, value })), FORM)).status).toBe(200);
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

const bookingBlocks = (id: string, when: string) => [
  { type: 'section', text: { type: 'mrkdwn', text: `*Haircut with Dana*\n${when}\n${WHERE}` } },
  {
    type: 'actions',
    block_id: `appointment:${id}`,
    elements: [
      { type: 'button', action_id: 'appointment:reschedule', text: { type: 'plain_text', text: 'Reschedule' }, value: id },
      {
        type: 'button',
        action_id: 'appointment:cancel',
        text: { type: 'plain_text', text: 'Cancel' },
        value: id,
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Cancel this booking?' },
          text: { type: 'plain_text', text: `Haircut with Dana, ${when}` },
          confirm: { type: 'plain_text', text: 'Cancel it' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      },
    ],
  },
];

describe('notices to a Slack booker, by DM', () => {
  let id: string;
  const when = 'Wed Dec 2, 10:00 AM–10:30 AM EST';

  it('reminds them in Slack, rendered from the appointment, once however often the job runs', async () => {
    id = await robinBooks('2026-12-02T15:00:00Z');
    const at = new Date('2026-12-02T14:00:00Z');
    expect(await runDueReminders(app.ctx, app.ctx.notifiers, at)).toMatchObject({ sent: 1 });
    expect(await runDueReminders(app.ctx, app.ctx.notifiers, at)).toMatchObject({ sent: 0, considered: 0 });
    const [dm] = await app.slackApi.waitFor('chat.postMessage');
    expect(dmsTo('U0ROBIN')).toHaveLength(1);
    expect(dm!.body).toEqual({
      channel: 'U0ROBIN',
      text: `Reminder: Haircut with Dana, ${when}, ${WHERE}. Use /appointments to reschedule or cancel.`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*Reminder:* Haircut with Dana\n${when}\n${WHERE}` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Use /appointments to reschedule or cancel.' }] },
      ],
    });
    // No SMS: Robin is no customer with a phone.
    expect(app.twilioApi.requests).toHaveLength(0);
  });

  it('tells them by DM when the admin API cancels it', async () => {
    const res = await app.api(`/api/v1/appointments/${id}/cancel`, { method: 'POST', json: { reason: 'Room closed' } });
    expect(res.status).toBe(200);
    await app.slackApi.waitFor('chat.postMessage', 2);
    const [, cancel] = dmsTo('U0ROBIN');
    expect(cancel!.body).toEqual({
      channel: 'U0ROBIN',
      text: `Canceled: Haircut with Dana, ${when}, ${WHERE}. Questions? Call +12125550100.`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*Canceled:* Haircut with Dana\n${when}\n${WHERE}` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Questions? Call +12125550100.' }] },
      ],
    });
  });
});

describe('/appointments', () => {
  let id: string;
  const when = 'Thu Dec 3, 11:00 AM–11:30 AM EST';

  it('lists my upcoming bookings with Reschedule and Cancel, Cancel asking first', async () => {
    id = await robinBooks('2026-12-03T16:00:00Z');
    const list = await command('', 'U0ROBIN');
    expect(list.body).toEqual({
      response_type: 'ephemeral',
      text: `Your upcoming bookings:\n• Haircut with Dana, ${when}`,
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Your upcoming bookings' } }, ...bookingBlocks(id, when)],
    });
    // Someone else's list does not show it.
    expect((await command('', 'U0SAM')).body.text).toMatch(/^You have no upcoming bookings/);
  });

  it('refuses someone else pressing Cancel: an ephemeral note, nothing changes', async () => {
    const before = await snapshot(app);
    const refusal = await press('U0SAM', 'appointment:cancel', id);
    expect(refusal.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'Only whoever booked it, its staff member, or a manager can cancel this appointment.' });
    expect(await snapshot(app)).toEqual(before);
  });

  it('cancels through the engine and redraws the list in place; a second press cancels nothing more', async () => {
    const done = await press('U0ROBIN', 'appointment:cancel', id);
    const empty = 'You have no upcoming bookings. Book one with `/book`, e.g. `/book room for 6 tomorrow 2-3pm`.';
    expect(done.body).toEqual({
      replace_original: true,
      text: `Canceled: Haircut with Dana, ${when}.\n${empty}`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Canceled: Haircut with Dana, ${when}.` } }, { type: 'section', text: { type: 'mrkdwn', text: empty } }],
    });
    expect(await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'canceled', canceledBy: expect.stringContaining(robin) });
    const again = await press('U0ROBIN', 'appointment:cancel', id);
    expect(String(again.body.text)).toMatch(/^Already canceled: Haircut with Dana/);
    const events = await app.t.db.appointmentEvent.findMany({ where: { appointmentId: id, action: 'canceled' } });
    expect(events).toHaveLength(1);
  });

  it('hands Reschedule to the conversation, which answers in place', async () => {
    const other = await robinBooks('2026-12-04T16:00:00Z');
    const answer = await press('U0ROBIN', 'appointment:reschedule', other);
    expect(answer.body.replace_original).toBe(true);
    const ask = 'When would you like to move your appointment to?';
    expect(answer.body).toEqual({ replace_original: true, text: ask, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ask } }] });
    const inbound = await app.t.db.message.findFirst({ where: { direction: 'inbound', text: 'reschedule my Haircut' } });
    expect(inbound).not.toBeNull();
  });
});

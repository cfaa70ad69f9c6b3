import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppointmentFacts } from '../../../src/notices/appointment-facts.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { buttonPress, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// The no-show prompt: a staff member is asked by DM how a past appointment went, with
// Completed and No-show buttons. Their answer is recorded through the engine's status
// change and the prompt is edited in place; a second press records nothing more;
// a viewer or another staff member is refused and nothing changes.

let app: SlackTestApp;
let salon: Fixture;
let appointmentId: string;
let promptTs: string;
const FORM = 'application/x-www-form-urlencoded';
const DANA_DM = 'D0DANA';
const SUBJECT = 'Haircut with Dana on Mon Nov 30, 10:00 AM–10:30 AM EST';

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Dana', role: 'staff', slackUserId: 'U0DANA', resourceId: salon.staff.dana } });
  await app.t.db.user.create({ data: { name: 'Lee', role: 'staff', slackUserId: 'U0LEE', resourceId: salon.staff.lee } });
  await app.t.db.user.create({ data: { name: 'Vic', role: 'viewer', slackUserId: 'U0VIEWER' } });
  const customer = await app.t.db.customer.create({ data: { phone: '+12125550142', name: 'Ana' } });
  const r = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date('2026-12-02T15:00:00Z'), resourceId: salon.staff.dana, customerId: customer.id, channel: 'sms', actor: { type: 'system' } });
  if (!r.ok) throw new Error(r.message);
  appointmentId = r.appointment.id;
  // The engine books only ahead of now; the prompt is about an appointment that happened, so move it into the past.
  await app.t.pool.query(`UPDATE appointment SET starts_at = starts_at - interval '2 days', ends_at = ends_at - interval '2 days' WHERE id = $1`, [appointmentId]);
  await app.t.pool.query(`UPDATE reservation SET block_start = block_start - interval '2 days', block_end = block_end - interval '2 days' WHERE appointment_id = $1`, [appointmentId]);
});
afterAll(() => app.close());

async function press(userId: string, outcome: string): Promise<void> {
  const body = payloadBody(buttonPress(app.slackApi, { userId, actionId: `outcome:${outcome}`, value: appointmentId, channelId: DANA_DM, messageTs: promptTs }));
  expect((await postSlack(app.url, body, FORM)).status).toBe(200);
}

async function refusal(userId: string, outcome: string): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  await press(userId, outcome);
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

const statusOf = async () => (await app.t.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status;

describe('a no-show prompt', () => {
  it('is sent to the staff member by DM with Completed and No-show, rendered from the appointment', async () => {
    const facts = (await readAppointmentFacts(app.t.db, appointmentId))!.facts;
    const sent = await app.slack.notifier.send({
      kind: 'no_show_prompt',
      to: { channel: 'slack', address: 'U0DANA' },
      idempotencyKey: `no_show_prompt:${appointmentId}`,
      appointment: facts,
      choices: [{ value: 'completed', label: 'Completed' }, { value: 'no_show', label: 'No-show' }],
    });
    expect(sent).toMatchObject({ status: 'sent', duplicate: false });
    const [post] = await app.slackApi.waitFor('chat.postMessage');
    promptTs = sent.messageId;
    const question = `How did ${SUBJECT} go?`;
    expect(post!.body).toEqual({
      channel: 'U0DANA',
      text: `${question} Completed or No-show?`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: question } },
        {
          type: 'actions',
          block_id: `outcome:${appointmentId}`,
          elements: [
            { type: 'button', action_id: 'outcome:completed', text: { type: 'plain_text', text: 'Completed' }, value: appointmentId, style: 'primary' },
            { type: 'button', action_id: 'outcome:no_show', text: { type: 'plain_text', text: 'No-show' }, value: appointmentId },
          ],
        },
      ],
    });
  });

  it('refuses a viewer and another staff member: an ephemeral note, nothing changes', async () => {
    const before = await snapshot(app);
    expect((await refusal('U0VIEWER', 'no_show')).body).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'Only the staff member of this appointment, or a manager, can record how it went.' });
    expect((await refusal('U0LEE', 'completed')).body.text).toBe('Only the staff member of this appointment, or a manager, can record how it went.');
    expect(await snapshot(app)).toEqual(before);
    expect(app.slackApi.callsTo('chat.update')).toHaveLength(0);
  });

  it('records Completed through the engine and edits the prompt in place', async () => {
    await press('U0DANA', 'completed');
    const [update] = await app.slackApi.waitFor('chat.update');
    expect(update!.body).toEqual({
      team_id: 'T0TEAM',
      channel: DANA_DM,
      ts: promptTs,
      text: `${SUBJECT}: Completed.`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${SUBJECT}: *Completed*, recorded by <@U0DANA>.` } }],
    });
    expect(await statusOf()).toBe('completed');
  });

  it('acts once when answered twice, and will not turn a completed appointment into a no-show', async () => {
    const events = await app.t.db.appointmentEvent.count({ where: { appointmentId } });
    await press('U0DANA', 'completed');
    const [, again] = await app.slackApi.waitFor('chat.update', 2);
    expect(again!.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `${SUBJECT}: *Completed* (already recorded).` } }]);
    expect((await refusal('U0DANA', 'no_show')).body.text).toBe('This appointment is already completed; it cannot be marked a no-show.');
    expect(await statusOf()).toBe('completed');
    expect(await app.t.db.appointmentEvent.count({ where: { appointmentId } })).toBe(events);
  });
});

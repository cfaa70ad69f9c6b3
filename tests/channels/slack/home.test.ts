import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { homeOpened, payloadBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// The App Home tab: opening it publishes the user's upcoming bookings (with Reschedule
// and Cancel) and, for someone who works the exception queue, its open exceptions by
// type. A viewer sees no queue; a retried event publishes once; Cancel from the tab
// redraws it.

let app: SlackTestApp;
let salon: Fixture;
let morgan: string;

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  morgan = (await app.t.db.user.create({ data: { name: 'Morgan', role: 'manager', slackUserId: 'U0MANAGER' } })).id;
  await app.t.db.user.create({ data: { name: 'Vic', role: 'viewer', slackUserId: 'U0VIEWER' } });
  await app.ctx.ops.raise({ type: 'human_requested', summary: 'Ana asked for a person', dedupeKey: 'a', at: new Date('2026-12-01T13:00:00Z') });
  await app.ctx.ops.raise({ type: 'human_requested', summary: 'Bo asked for a person', dedupeKey: 'b', at: new Date('2026-12-01T13:30:00Z') });
  await app.ctx.ops.raise({ type: 'provider_out', summary: 'Dana is out sick', dedupeKey: 'c', at: new Date('2026-12-01T13:45:00Z') });
});
afterAll(() => app.close());


const EMPTY = 'You have no upcoming bookings. Book one with `/book`, e.g. `/book room for 6 tomorrow 2-3pm`.';

describe('App Home', () => {
  it('shows a manager their bookings and the open exceptions by type, once for a retried event', async () => {
    const body = homeOpened('U0MANAGER', 'Ev0HOME01');
    expect((await postSlack(app.url, body, 'application/json')).status).toBe(200);
    const [published] = await app.slackApi.waitFor('views.publish');
    expect(published!.body).toEqual({
      team_id: 'T0TEAM',
      user_id: 'U0MANAGER',
      view: {
        type: 'home',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: EMPTY } },
          { type: 'divider' },
          { type: 'header', text: { type: 'plain_text', text: 'Open exceptions: 3' } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*Provider out*\n1' },
              { type: 'mrkdwn', text: '*Customer asked for a person*\n2' },
            ],
          },
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: [
                  'Oldest first, worked in the ops channel:',
                  '• Customer asked for a person (open, since 2026-12-01 13:00 UTC): Ana asked for a person',
                  '• Customer asked for a person (open, since 2026-12-01 13:30 UTC): Bo asked for a person',
                  '• Provider out (open, since 2026-12-01 13:45 UTC): Dana is out sick',
                ].join('\n'),
              },
            ],
          },
        ],
      },
    });
    expect((await postSlack(app.url, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(app.slackApi.callsTo('views.publish')).toHaveLength(1);
  });

  it('shows a viewer no exception queue', async () => {
    expect((await postSlack(app.url, homeOpened('U0VIEWER', 'Ev0HOME02'), 'application/json')).status).toBe(200);
    const [, published] = await app.slackApi.waitFor('views.publish', 2);
    expect(published!.body).toEqual({ team_id: 'T0TEAM', user_id: 'U0VIEWER', view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: EMPTY } }] } });
  });

  it('lists the manager’s own booking with its buttons, and Cancel from the tab redraws it', async () => {
    const r = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date('2026-12-02T15:00:00Z'), resourceId: salon.staff.lee, requesterUserId: morgan, channel: 'slack', actor: { type: 'user', id: morgan, channel: 'slack' } });
    if (!r.ok) throw new Error(r.message);
    expect((await postSlack(app.url, homeOpened('U0MANAGER', 'Ev0HOME03'), 'application/json')).status).toBe(200);
    const [, , shown] = await app.slackApi.waitFor('views.publish', 3);
    const blocks = (shown!.body.view as { blocks: Array<{ type: string; block_id?: string; elements?: Array<{ action_id: string; value: string }> }> }).blocks;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Your upcoming bookings' } });
    expect(blocks[2]!.elements!.map((e) => [e.action_id, e.value])).toEqual([['appointment:reschedule', r.appointment.id], ['appointment:cancel', r.appointment.id]]);

    const press = {
      type: 'block_actions',
      team: { id: 'T0TEAM', domain: 'frontdesk' },
      user: { id: 'U0MANAGER', username: 'morgan', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 't',
      trigger_id: app.slackApi.triggerId(),
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home', blocks: [] },
      actions: [{ type: 'button', action_id: 'appointment:cancel', block_id: `appointment:${r.appointment.id}`, value: r.appointment.id, text: { type: 'plain_text', text: 'Cancel' }, action_ts: '3.000001' }],
    };
    expect((await postSlack(app.url, payloadBody(press), 'application/x-www-form-urlencoded')).status).toBe(200);
    const [, , , redrawn] = await app.slackApi.waitFor('views.publish', 4);
    const after = (redrawn!.body.view as { blocks: unknown[] }).blocks;
    expect(after.slice(0, 2)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Canceled: Haircut with Lee, Wed Dec 2, 10:00 AM–10:30 AM EST.' } },
      { type: 'section', text: { type: 'mrkdwn', text: EMPTY } },
    ]);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: r.appointment.id } })).status).toBe('canceled');
  });
});

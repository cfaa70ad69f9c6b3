import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon } from '../../conversation/support/fixture.ts';
import { startTestServer } from '../../support/server.ts';
import { fakeSocketMode, type FakeSocketMode } from './fake-socket.ts';
import { BOT_TOKEN, SIGNING_SECRET, fakeSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Socket Mode for real, against local fakes: apps.connections.open (called with the
// app token) names a local WebSocket server; the server greets the app with `hello`,
// sends envelopes as Slack does, and checks the app acks each over the socket; the
// listeners then answer through the same fake Web API as over HTTP.

const APP_TOKEN = 'xapp-1-A0APP-0000-test';
let app: SlackTestApp;
let socket: FakeSocketMode;

beforeAll(async () => {
  socket = await fakeSocketMode();
  app = await createSlackTestApp({ env: { SLACK_APP_TOKEN: APP_TOKEN } });
  app.slackApi.socketUrl = socket.url;
  await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
  await app.slack.socketMode!.start();
});
afterAll(async () => {
  await app.slack.socketMode?.stop();
  await app.close();
  await socket.close();
});

describe('Socket Mode', { timeout: 120_000 }, () => {
  it('opens the connection with the app token and is greeted', async () => {
    await socket.connected();
    const [open] = app.slackApi.callsTo('apps.connections.open');
    expect(open!.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acks a slash command envelope over the socket, then acts on it (an empty /book opens the booking modal)', async () => {
    const triggerId = app.slackApi.triggerId();
    socket.send({
      envelope_id: 'env-command-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { token: 't', team_id: 'T0TEAM', user_id: 'U0ROBIN', command: '/book', text: '', response_url: app.slackApi.responseUrl(), trigger_id: triggerId, channel_id: 'D0DM', api_app_id: 'A0APP' },
    });
    expect(await socket.ackOf('env-command-1')).toEqual({ envelope_id: 'env-command-1', payload: {} });
    const opened = await app.slackApi.waitFor('views.open', 1, 60_000);
    expect(opened.at(-1)!.body).toMatchObject({ trigger_id: triggerId });
  });

  it('acks an event envelope and acts on a retried event id once', async () => {
    const payload = {
      token: 't',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0SOCKET01',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel: 'D0SOCK', channel_type: 'im', user: 'U0ROBIN', text: 'show my appointments', ts: '1700000002.000100', event_ts: '1700000002.000100' },
    };
    socket.send({ envelope_id: 'env-event-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    expect(await socket.ackOf('env-event-1')).toEqual({ envelope_id: 'env-event-1', payload: {} });
    // The conversation answers after the ack; give a busy machine time.
    const posted = await app.slackApi.waitFor('chat.postMessage', 1, 60_000);
    expect(posted.filter((c) => c.body.channel === 'D0SOCK')).toHaveLength(1);
    // Slack redelivers with the same event id: acked, not answered again.
    socket.send({ envelope_id: 'env-event-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await socket.ackOf('env-event-2');
    await new Promise((r) => setTimeout(r, 500));
    expect(app.slackApi.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D0SOCK')).toHaveLength(1);
  });
});

it('says at start that Slack runs over Socket Mode and HTTP, and connects', async () => {
  const api = await fakeSlack();
  const ws = await fakeSocketMode();
  api.socketUrl = ws.url;
  const { lines, frontdesk } = await startTestServer({ FRONTDESK_SEED: 'none', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl });
  try {
    await ws.connected();
    const slackLines = () => lines.map((l) => JSON.parse(l) as { channel?: string; msg: string }).filter((l) => l.channel === 'slack').map((l) => l.msg);
    for (let i = 0; i < 100 && slackLines().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(slackLines()).toEqual([
      'slack: /book, /appointments, App Home, direct messages and buttons over Socket Mode (SLACK_APP_TOKEN) and at /slack/events; no exception posting (set SLACK_OPS_CHANNEL)',
      'slack: Socket Mode connected',
    ]);
  } finally {
    await frontdesk.stop();
    await ws.close();
    await api.close();
  }
});

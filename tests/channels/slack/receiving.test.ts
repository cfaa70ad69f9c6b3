import { createBookingForm } from '../../../src/booking-form/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../../src/channels/slack/app.ts';
import { checkSlackSignature, signatureFor } from '../../../src/channels/slack/verify-request.ts';
import { slackDeps } from '../../../src/context.ts';
import { createOfflineProvider } from '../../../src/conversation/providers/offline/provider.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { SIGNING_SECRET, buttonPress, commandBody, payloadBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// The receiver: only requests Slack signed within five minutes of now (either side)
// get past /slack/events; anything else is 401 and leaves every table as it was.
// Slack's retries of an event are acknowledged and not acted on again.

let app: SlackTestApp;
const FORM = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  app = await createSlackTestApp();
  await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
});
afterAll(() => app.close());

describe('signature and timestamp', () => {
  const refused: Array<[string, () => { timestamp?: number; secret?: string; signature?: string | null }]> = [
    ['a forged signature (another secret)', () => ({ secret: 'not-the-signing-secret' })],
    ['no signature', () => ({ signature: null })],
    ['a signature of another body', () => ({ signature: signatureFor(SIGNING_SECRET, String(now()), 'text=other') })],
    ['a timestamp six minutes old', () => ({ timestamp: now() - 6 * 60 })],
    ['a timestamp six minutes in the future', () => ({ timestamp: now() + 6 * 60 })],
  ];

  it.each(refused)('refuses a slash command with %s: 401, no rows, no Slack call', async (_name, opts) => {
    const before = await snapshot(app);
    const calls = app.slackApi.calls.length;
    const res = await postSlack(app.url, commandBody(app.slackApi, { command: '/book', text: 'haircut tomorrow afternoon', userId: 'U0ROBIN' }), FORM, opts());
    expect(res.status).toBe(401);
    // Give a wrongly started listener the time it would need to write or post.
    await new Promise((r) => setTimeout(r, 300));
    expect(await snapshot(app)).toEqual(before);
    expect(app.slackApi.calls.length).toBe(calls);
  });

  it.each(refused)('refuses a button press with %s: 401, no rows', async (_name, opts) => {
    const before = await snapshot(app);
    const body = payloadBody(buttonPress(app.slackApi, { userId: 'U0ROBIN', actionId: 'book:choice:0', value: '1' }));
    expect((await postSlack(app.url, body, FORM, opts())).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(await snapshot(app)).toEqual(before);
  });

  it('accepts timestamps just inside the window on both sides', () => {
    const body = 'a=b';
    const at = (ts: number) => checkSlackSignature(SIGNING_SECRET, { signature: signatureFor(SIGNING_SECRET, String(ts), body), timestamp: String(ts), rawBody: body }, 1_000_000_000_000);
    expect(at(1_000_000_000 - 299)).toEqual({ ok: true });
    expect(at(1_000_000_000 + 299)).toEqual({ ok: true });
    expect(at(1_000_000_000 - 301)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(at(1_000_000_000 + 301)).toEqual({ ok: false, reason: 'timestamp in the future' });
  });

  it('answers Slack’s URL verification challenge when signed', async () => {
    const res = await postSlack(app.url, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' }), 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });
});

describe('retried events', () => {
  it('answers a direct message once, however often Slack retries its event', async () => {
    const event = {
      token: 't',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0RETRY01',
      event_time: now(),
      event: { type: 'message', channel: 'D0ROBIN', channel_type: 'im', user: 'U0ROBIN', text: 'show my appointments', ts: '1700000001.000100', event_ts: '1700000001.000100' },
    };
    const body = JSON.stringify(event);
    const first = await postSlack(app.url, body, 'application/json');
    expect(first.status).toBe(200);
    await app.slackApi.waitFor('chat.postMessage');
    for (const n of ['1', '2']) {
      const retry = await postSlack(app.url, body, 'application/json', { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
      expect(retry.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 500));
    const posts = app.slackApi.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D0ROBIN');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.body.text)).toMatch(/no upcoming|appointments/i);
    const { rows } = await app.t.pool.query(`SELECT count(*)::int AS n FROM message WHERE direction = 'inbound' AND text = 'show my appointments'`);
    expect(rows[0].n).toBe(1);
  });
});

describe('without credentials', () => {
  it('builds no channel when the signing secret or bot token is missing', () => {
    const orchestrator = createOrchestrator({ db: app.t.db, scheduler: app.ctx.scheduler, clock: app.ctx.clock, log: app.ctx.log, provider: createOfflineProvider() });
    const deps = slackDeps(app.ctx);
    expect(createSlackChannel({ ...deps, config: { ...deps.config, SLACK_SIGNING_SECRET: undefined }, orchestrator, bookingForm: createBookingForm(app.ctx) })).toBeNull();
    expect(createSlackChannel({ ...deps, config: { ...deps.config, SLACK_BOT_TOKEN: undefined }, orchestrator, bookingForm: createBookingForm(app.ctx) })).toBeNull();
  });
});

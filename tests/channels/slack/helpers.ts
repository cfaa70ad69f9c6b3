import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureFor } from '../../../src/channels/slack/verify-request.ts';

// Shared by the Slack tests: requests signed the way Slack signs them, and a local
// stand-in for slack.com/api (plus the response_url endpoint) that records every
// call the app makes and answers like Slack does.

export const SIGNING_SECRET = 'test-slack-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-token';
export const OPS_CHANNEL = 'C0OPS00001';

export interface SignOptions {
  /** Seconds since the epoch put in X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  secret?: string;
  /** Overrides the signature header; null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export async function postSlack(baseUrl: string, body: string, contentType: string, opts: SignOptions = {}): Promise<Response> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = opts.signature === undefined ? signatureFor(opts.secret ?? SIGNING_SECRET, timestamp, body) : opts.signature;
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, ...opts.headers };
  if (signature !== null) headers['x-slack-signature'] = signature;
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

/** A slash command, as Slack posts it (a form). */
export function commandBody(fake: FakeSlack, p: { command: string; text: string; userId: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'frontdesk',
    channel_id: 'D0DM',
    channel_name: 'directmessage',
    user_id: p.userId,
    user_name: p.userId.toLowerCase(),
    command: p.command,
    text: p.text,
    api_app_id: 'A0APP',
    response_url: fake.responseUrl(),
    trigger_id: fake.triggerId(),
  }).toString();
}

/** The Events API body of a user opening the App Home tab. */
export function homeOpened(userId: string, eventId: string) {
  return JSON.stringify({
    token: 't',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home', event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
  });
}

/** An interactivity payload (block_actions, view_submission), as Slack posts it: a form with one JSON field. */
export const payloadBody = (payload: object) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export function buttonPress(fake: FakeSlack, p: { userId: string; actionId: string; value: string; channelId?: string; messageTs?: string }): object {
  return {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'frontdesk' },
    user: { id: p.userId, username: p.userId.toLowerCase(), team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: fake.triggerId(),
    response_url: fake.responseUrl(),
    container: { type: 'message', message_ts: p.messageTs ?? '1.000001', channel_id: p.channelId ?? 'D0DM', is_ephemeral: !p.messageTs },
    channel: { id: p.channelId ?? 'D0DM', name: 'channel' },
    message: { type: 'message', ts: p.messageTs ?? '1.000001', text: 'message' },
    actions: [{ type: 'button', action_id: p.actionId, block_id: 'b1', value: p.value, text: { type: 'plain_text', text: 'x' }, action_ts: '2.000001' }],
  };
}

export interface Call {
  /** Web API method ("chat.postMessage") or "respond" for a response_url post. */
  method: string;
  body: Record<string, unknown>;
  /** The Authorization header (the bot token, or the app token for apps.connections.open). */
  authorization: string | undefined;
  at: number;
}

export interface FakeSlack {
  url: string;
  /** SLACK_API_URL for the app. */
  apiUrl: string;
  calls: Call[];
  callsTo(method: string): Call[];
  /** Resolves when `count` calls to `method` were recorded (the app works after its ack). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<Call[]>;
  responseUrl(): string;
  triggerId(): string;
  /** What apps.connections.open answers: the Socket Mode WebSocket URL (a local fake). */
  socketUrl: string | null;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  if ((req.headers['content-type'] ?? '').includes('json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return out;
}

export async function fakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  let ts = 0;
  let n = 0;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = req.url ?? '';
      const method = path.startsWith('/respond/') ? 'respond' : path.replace(/^\/api\//, '');
      calls.push({ method, body, authorization: req.headers.authorization, at: Date.now() });
      res.setHeader('content-type', 'application/json');
      if (method === 'respond') return void res.end(JSON.stringify({ ok: true }));
      if (method === 'chat.postMessage') return void res.end(JSON.stringify({ ok: true, channel: body.channel, ts: `1700000000.${String(++ts).padStart(6, '0')}` }));
      if (method === 'apps.connections.open') return void res.end(JSON.stringify(fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'invalid_auth' }));
      if (method === 'views.open') return void res.end(JSON.stringify({ ok: true, view: { id: 'V0VIEW' } }));
      res.end(JSON.stringify({ ok: true, channel: body.channel, ts: body.ts }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  const fake: FakeSlack = {
    socketUrl: null,
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo,
    async waitFor(method, count = 1, timeoutMs = 15_000) {
      for (let i = 0; i < timeoutMs / 50; i++) {
        if (callsTo(method).length >= count) return callsTo(method);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`expected ${count} ${method} call(s), saw ${callsTo(method).length}: ${JSON.stringify(calls.map((c) => c.method))}`);
    },
    responseUrl: () => `${url}/respond/${++n}`,
    triggerId: () => `trigger.${++n}.${Date.now()}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

// Shared by the Teams tests. One local server stands in for everything Microsoft
// runs: the Entra authority's signing keys (the JWKS the SDK fetches to validate the
// Bot Connector's tokens), the token sidecar the app asks for its own tokens, and the
// Bot Connector (the `serviceUrl` of every activity), which records each activity the
// app sends or updates and answers with an id like the real one.

export const APP_ID = '00000000-0000-4000-8000-00000000a991';
export const TENANT_ID = '00000000-0000-4000-8000-0000000071d1';
export const OPS_CHANNEL = '19:ops0000000000@thread.tacv2';
export const ROBIN_AAD = '00000000-0000-4000-8000-0000000000a1';
export const OUTBOUND_TOKEN = 'outbound-token-from-the-sidecar';

export interface Sent {
  method: 'POST' | 'PUT';
  /** The conversation id, decoded. */
  conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT). */
  activityId?: string;
  /** The id the fake gave this activity (POST). */
  id?: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeMicrosoft {
  url: string;
  /** The Bot Connector's address as activities carry it. */
  serviceUrl: string;
  sent: Sent[];
  tokenRequests: number;
  /** Resolves when `count` activities were sent (the app may answer after the HTTP response). */
  waitForSent(count: number): Promise<Sent[]>;
  /** A token as the Bot Connector signs it; override claims, or sign with another key (forged). */
  token(opts?: { claims?: Record<string, unknown>; expiresInSeconds?: number; forged?: boolean }): Promise<string>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export async function fakeMicrosoft(): Promise<FakeMicrosoft> {
  const kid = 'test-signing-key';
  const keys = await generateKeyPair('RS256');
  const forger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const sent: Sent[] = [];
  let tokenRequests = 0;
  let n = 0;
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const path = decodeURI(req.url ?? '').split('?')[0]!;
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && path === `/${TENANT_ID}/discovery/v2.0/keys`) return void res.end(JSON.stringify({ keys: [jwk] }));
      if (req.method === 'GET' && path.startsWith('/AuthorizationHeaderUnauthenticated/')) {
        tokenRequests++;
        return void res.end(JSON.stringify({ authorizationHeader: `Bearer ${OUTBOUND_TOKEN}` }));
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (m && (req.method === 'POST' || req.method === 'PUT')) {
        const conversationId = decodeURIComponent(m[1]!);
        const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
        const id = req.method === 'POST' ? `activity-${++n}` : activityId;
        sent.push({ method: req.method, conversationId, ...(activityId ? { activityId } : {}), ...(req.method === 'POST' ? { id } : {}), body, authorization: req.headers.authorization });
        return void res.end(JSON.stringify({ id }));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${path}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (key: CryptoKey, claims: Record<string, unknown>, expiresInSeconds: number) =>
    new SignJWT({ serviceurl: `${url}/`, iss: `${url}/${TENANT_ID}/v2.0`, aud: APP_ID, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(key);
  return {
    url,
    serviceUrl: `${url}/`,
    sent,
    get tokenRequests() {
      return tokenRequests;
    },
    async waitForSent(count) {
      for (let i = 0; i < 300; i++) {
        if (sent.length >= count) return sent;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`expected ${count} sent activities, saw ${sent.length}`);
    },
    token: (opts = {}) => sign(opts.forged ? forger.privateKey : keys.privateKey, opts.claims ?? {}, opts.expiresInSeconds ?? 3600),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ActivityOptions {
  id?: string;
  from?: { id: string; name?: string; aadObjectId?: string };
  conversation?: { id: string; conversationType: string };
  text?: string;
  value?: unknown;
  replyToId?: string;
}

export const ROBIN = { id: '29:robin', name: 'Robin', aadObjectId: ROBIN_AAD };
export const PERSONAL = { id: 'a:personal-robin', conversationType: 'personal' };

let activityCounter = 0;

/** An activity as the Bot Connector posts it to /api/messages. */
export function activity(fake: FakeMicrosoft, type: 'message' | 'invoke' | 'conversationUpdate', opts: ActivityOptions & { name?: string } = {}): Record<string, unknown> {
  return {
    type,
    id: opts.id ?? `incoming-${++activityCounter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: fake.serviceUrl,
    from: opts.from ?? ROBIN,
    conversation: { ...(opts.conversation ?? PERSONAL), tenantId: TENANT_ID },
    recipient: { id: `28:${APP_ID}`, name: 'Frontdesk' },
    channelData: { tenant: { id: TENANT_ID } },
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.text !== undefined ? { text: opts.text } : {}),
    ...(opts.value !== undefined ? { value: opts.value } : {}),
    ...(opts.replyToId ? { replyToId: opts.replyToId } : {}),
  };
}

/** An Action.Execute press, as Teams sends it: an adaptiveCard/action invoke with the button's data (inputs merged in). */
export const executeAction = (fake: FakeMicrosoft, data: Record<string, unknown>, opts: ActivityOptions = {}) =>
  activity(fake, 'invoke', { ...opts, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: String(data.command ?? 'choice'), data }, trigger: 'manual' } });

export async function postActivity(baseUrl: string, body: object, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** The Adaptive Card an activity carries. */
export const cardOf = (body: Record<string, unknown>) => ((body.attachments as Array<{ contentType: string; content: Record<string, unknown> }>)[0]!).content;

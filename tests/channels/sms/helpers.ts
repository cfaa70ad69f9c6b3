import twilio from 'twilio';
import type { PrismaClient } from '../../../src/db/client.ts';
import type { TwilioHttpClient } from '../../../src/channels/sms/outbound.ts';

// Shared by the SMS tests: Twilio-signed webhook posts (signed with the twilio
// package's own client-side function), a stand-in for api.twilio.com that the
// real twilio REST client talks to, and a minimal business to hang rows on.

export const AUTH_TOKEN = 'test-twilio-auth-token-0123456789';
export const ACCOUNT_SID = 'AC' + '0'.repeat(32);
export const PUBLIC_URL = 'https://frontdesk.example.com';
export const BUSINESS_PHONE = '+12125550100';

export interface PostOptions {
  /** The URL the signature is computed for (default: PUBLIC_URL + path). */
  signFor?: string;
  /** Overrides the signature header; null sends none. */
  signature?: string | null;
  token?: string;
  /** Params sent (default: the signed params); lets a test tamper after signing. */
  send?: Record<string, string>;
}

export async function postSigned(baseUrl: string, path: string, params: Record<string, string>, opts: PostOptions = {}): Promise<Response> {
  const signature =
    opts.signature === undefined ? twilio.getExpectedTwilioSignature(opts.token ?? AUTH_TOKEN, opts.signFor ?? PUBLIC_URL + path, params) : opts.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  return fetch(baseUrl + path, { method: 'POST', headers, body: new URLSearchParams(opts.send ?? params).toString() });
}

/**
 * A signed post whose form may repeat a parameter (an array value) or be absent
 * (null: no body, no content type), signed the way Twilio signs such a request.
 */
export async function postSignedForm(baseUrl: string, path: string, params: Record<string, string | string[]> | null): Promise<Response> {
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC_URL + path, params ?? {});
  if (params === null) return fetch(baseUrl + path, { method: 'POST', headers: { 'x-twilio-signature': signature } });
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) form.append(k, one);
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: form.toString(),
  });
}

let sidCounter = 0;
export function messageSid(): string {
  sidCounter++;
  return 'SM' + `${Date.now().toString(16)}${sidCounter.toString(16)}`.padStart(32, '0').slice(-32);
}

export function inboundParams(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    Body: body,
    From: from,
    To: '+15005550006',
    MessageSid: extra.MessageSid ?? messageSid(),
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ...extra,
  };
}

export interface FakeTwilio extends TwilioHttpClient {
  requests: Array<{ method: string; uri: string; data: Record<string, string> }>;
  /** Every message it accepted, as Twilio's Messages list would show them. */
  accepted: Array<{ sid: string; to: string; from: string | null; body: string; dateCreated: Date }>;
  /** Numbers Twilio refuses with 21610 (they replied STOP to the sender). */
  blocked: Set<string>;
  /** Answers the next create with this failure instead (e.g. 503), once. */
  failNext: { statusCode: number; code: number } | null;
}

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/** Answers Messages.create and Messages.list like api.twilio.com does. */
export function fakeTwilio(): FakeTwilio {
  const fake: FakeTwilio = {
    requests: [],
    accepted: [],
    blocked: new Set<string>(),
    failNext: null,
    async request(opts) {
      const data = (opts.data ?? {}) as Record<string, string>;
      fake.requests.push({ method: opts.method, uri: opts.uri, data });
      if (!/\/Messages\.json$/.test(opts.uri)) return { statusCode: 404, body: { code: 20404, message: 'not found', status: 404 } };
      if (opts.method.toUpperCase() === 'GET') return { statusCode: 200, body: listMessages(fake, (opts.params ?? {}) as Record<string, string>) };
      if (fake.failNext) {
        const { statusCode, code } = fake.failNext;
        fake.failNext = null;
        return { statusCode, body: { code, message: 'Service unavailable', status: statusCode } };
      }
      if (fake.blocked.has(data.To!)) {
        return { statusCode: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', more_info: 'https://www.twilio.com/docs/errors/21610', status: 400 } };
      }
      const sid = 'SM' + (fake.accepted.length + 1).toString(16).padStart(32, 'f');
      const dateCreated = new Date();
      fake.accepted.push({ sid, to: data.To!, from: data.From ?? null, body: data.Body!, dateCreated });
      return {
        statusCode: 201,
        body: { sid, status: 'queued', to: data.To, from: data.From ?? null, body: data.Body, num_segments: '1', account_sid: ACCOUNT_SID, date_created: rfc2822(dateCreated), messaging_service_sid: data.MessagingServiceSid ?? null },
      };
    },
  };
  return fake;
}

function listMessages(fake: FakeTwilio, params: Record<string, string>) {
  const messages = fake.accepted
    .filter((m) => (!params.To || m.to === params.To) && (!params.From || m.from === params.From))
    .reverse()
    .map((m) => ({ sid: m.sid, to: m.to, from: m.from, body: m.body, status: 'sent', account_sid: ACCOUNT_SID, date_created: rfc2822(m.dateCreated), num_segments: '1' }));
  return { messages, next_page_uri: null, page: 0, page_size: messages.length, uri: '/2010-04-01/Accounts/AC/Messages.json' };
}

export interface Basics {
  businessId: string;
  locationId: string;
  serviceId: string;
}

export async function seedBasics(db: PrismaClient, opts: { reminderOffsetsMinutes?: number[] } = {}): Promise<Basics> {
  const business = await db.business.create({ data: { name: 'Maple Dental', timeZone: 'America/New_York', phone: BUSINESS_PHONE, email: 'hello@maple.example' } });
  const location = await db.location.create({
    data: { businessId: business.id, name: 'Downtown', timeZone: 'America/New_York', address: '1 Main St', phone: BUSINESS_PHONE },
  });
  const service = await db.service.create({
    data: { businessId: business.id, name: 'Cleaning', slug: 'cleaning', durationMinutes: 30, reminderOffsetsMinutes: opts.reminderOffsetsMinutes ?? [1440, 120] },
  });
  return { businessId: business.id, locationId: location.id, serviceId: service.id };
}

export async function createAppointment(
  db: PrismaClient,
  b: Basics,
  a: { customerPhone: string; startsAt: Date; createdAt?: Date; status?: 'confirmed' | 'canceled' | 'requested' },
): Promise<string> {
  const customer = await db.customer.upsert({ where: { phone: a.customerPhone }, create: { phone: a.customerPhone }, update: {} });
  const row = await db.appointment.create({
    data: {
      serviceId: b.serviceId,
      locationId: b.locationId,
      customerId: customer.id,
      startsAt: a.startsAt,
      endsAt: new Date(a.startsAt.getTime() + 30 * 60_000),
      status: a.status ?? 'confirmed',
      channel: 'sms',
      ruleVersion: 1,
      ...(a.createdAt ? { createdAt: a.createdAt, confirmedAt: a.createdAt } : {}),
    },
  });
  return row.id;
}

/** Row counts of every table an SMS webhook could write to. */
export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const [customer, conversation, message, outbound, exception, appointment, hold, event] = await Promise.all([
    db.customer.count(),
    db.conversation.count(),
    db.message.count(),
    db.outboundMessage.count(),
    db.exception.count(),
    db.appointment.count(),
    db.hold.count(),
    db.appointmentEvent.count(),
  ]);
  return { customer, conversation, message, outbound, exception, appointment, hold, event };
}

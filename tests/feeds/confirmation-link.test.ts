import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderNotice as renderSlack } from '../../src/channels/slack/render-notice.ts';
import { renderNotice as renderSms } from '../../src/channels/sms/render-notice.ts';
import { countSegments } from '../../src/channels/sms/segments.ts';
import { appointmentCard } from '../../src/channels/teams/cards.ts';
import type { AppointmentFacts, Notice } from '../../src/contract/notifier.ts';
import type { PrismaClient } from '../../src/db/client.ts';
import { appointmentCalendarUrl, signAppointmentToken, verifyAppointmentToken } from '../../src/feeds/index.ts';

// The confirmation's "add to calendar" link: each channel that can show a link shows
// it on confirmations only, SMS stays within its budget, and without a public URL
// there is no link at all. The link's token names one appointment and cannot be forged.

const URL = 'https://desk.example.com/ics/appointments/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics';
const facts: AppointmentFacts = {
  id: '7d0c7c52-4bd1-4d43-9c1e-8f4a4c1d2e3f',
  status: 'confirmed',
  serviceName: 'Checkup',
  startsAt: new Date('2027-03-15T14:00:00Z'),
  endsAt: new Date('2027-03-15T14:45:00Z'),
  timeZone: 'America/New_York',
  locationName: 'Downtown',
  locationAddress: '1 Main St, New York, NY 10001',
  contactPhone: '+12125550100',
  businessName: 'Maple Clinic',
  staffName: 'Dana',
};
const notice = (kind: Notice['kind'], calendarUrl?: string): Notice => ({
  kind,
  to: { channel: 'sms', address: '+14155550123' },
  idempotencyKey: `${kind}:x`,
  appointment: { ...facts, ...(calendarUrl ? { calendarUrl } : {}) },
});

describe('SMS', () => {
  it('puts the link on its own line of a confirmation, within two segments', () => {
    const text = renderSms(notice('confirmation', URL));
    expect(text.split('\n').at(-1)).toBe(`Calendar: ${URL}`);
    expect(countSegments(text).segments).toBeLessThanOrEqual(2);
  });

  it('has no link without one, nor on other notices', () => {
    expect(renderSms(notice('confirmation'))).not.toMatch(/Calendar|http/);
    expect(renderSms(notice('reminder', URL))).not.toContain(URL);
  });
});

describe('Slack and Teams', () => {
  it('link it on a confirmation', () => {
    const slack = renderSlack({ ...notice('confirmation', URL), to: { channel: 'slack', address: 'U1' } });
    expect(slack.text).toContain(`<${URL}|Add to calendar (.ics)>`);
    expect(JSON.stringify(slack.blocks)).toContain(URL);
    const card = appointmentCard({ kind: 'confirmation', appointment: { ...facts, calendarUrl: URL } });
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Add to calendar', url: URL });
  });

  it('show none without a link', () => {
    expect(JSON.stringify(renderSlack({ ...notice('confirmation'), to: { channel: 'slack', address: 'U1' } }))).not.toContain('calendar');
    expect(appointmentCard({ kind: 'confirmation', appointment: facts }).actions).toBeUndefined();
  });
});

describe('the link', () => {
  it('is not made without a public URL (and the database is not asked)', async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error('database used'); } }) as PrismaClient;
    expect(await appointmentCalendarUrl(untouchable, { publicUrl: undefined, appointmentId: facts.id })).toBeNull();
  });

  it('names its appointment, and fails for another key, an altered id or an altered MAC', () => {
    const key = randomBytes(32);
    const token = signAppointmentToken(key, facts.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyAppointmentToken(key, token)).toBe(facts.id);
    expect(verifyAppointmentToken(randomBytes(32), token)).toBeNull();
    const raw = Buffer.from(token, 'base64url');
    for (const at of [0, 20]) {
      const altered = Buffer.from(raw);
      altered[at]! ^= 1;
      expect(verifyAppointmentToken(key, altered.toString('base64url'))).toBeNull();
    }
    expect(verifyAppointmentToken(key, 'short')).toBeNull();
  });
});

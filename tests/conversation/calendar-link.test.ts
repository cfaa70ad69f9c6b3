import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import { appointmentCalendarUrl } from '../../src/feeds/index.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { schedulerFor } from '../support/scheduler.ts';
import { createSalon } from './support/fixture.ts';

// Confirmations the bot writes after a booking or a move in conversation carry the
// appointment's .ics link, like the ones the notifier sends; without a public URL none.

const clock = () => new Date('2026-12-01T14:00:00Z');
const PUBLIC_URL = 'https://desk.example.com';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createSalon(t.db);
});
afterAll(() => t.drop());

const orchestrator = (publicUrl: string | undefined) =>
  createOrchestrator({
    db: t.db,
    scheduler: schedulerFor(t, clock),
    clock,
    log: createLogger('silent'),
    provider: createOfflineProvider(),
    calendarLink: (appointmentId) => appointmentCalendarUrl(t.db, { publicUrl, appointmentId }),
  });

async function converse(publicUrl: string | undefined, phone: string, turns: string[]): Promise<string> {
  const o = orchestrator(publicUrl);
  let last = '';
  for (const text of turns) last = (await o.handle({ channel: 'sms', senderIdentity: phone, text })).messages.join('\n');
  return last;
}

const latestOf = async (phone: string) =>
  t.db.appointment.findFirstOrThrow({ where: { customer: { phone }, status: 'confirmed' }, orderBy: { createdAt: 'desc' } });

it('adds the booked appointment’s own link to the confirmation, and the moved one’s after a reschedule', async () => {
  const booked = await converse(PUBLIC_URL, '+12125550101', ['haircut tomorrow at 3pm', '1', 'yes']);
  const first = await latestOf('+12125550101');
  expect(booked).toContain(`Calendar: ${await appointmentCalendarUrl(t.db, { publicUrl: PUBLIC_URL, appointmentId: first.id })}`);

  const moved = await converse(PUBLIC_URL, '+12125550101', ['can i move it to 4pm', '1', 'yes']);
  const second = await latestOf('+12125550101');
  expect(second.id).not.toBe(first.id);
  expect(moved).toContain(`Calendar: ${await appointmentCalendarUrl(t.db, { publicUrl: PUBLIC_URL, appointmentId: second.id })}`);
});

it('writes no link without a public URL', async () => {
  const booked = await converse(undefined, '+12125550102', ['haircut tomorrow at 11am', '1', 'yes']);
  expect(booked).toMatch(/^Booked: /m);
  expect(booked).not.toContain('Calendar:');
});

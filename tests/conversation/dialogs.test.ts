import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { OutboundReply } from '../../src/contract/conversation.ts';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createSalon, wipe, type Fixture } from './support/fixture.ts';
import { schedulerFor } from '../support/scheduler.ts';

// Scripted dialogs for the offline provider, one YAML file each in ./dialogs. Every
// dialog runs on a fresh copy of its business fixture with a fixed clock, and is judged
// on the END STATE of the database: every appointment (service, local start, status),
// the exceptions raised, live holds. Reply text is checked only where the right outcome
// is "nothing written" and the customer must have been told so.

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dialogs');

const Turn = z.strictObject({
  say: z.string().optional(),
  /** "confirm" presses the confirm button of the last reply; anything else is sent as the choice value. */
  button: z.string().optional(),
  /** Minutes the clock moves forward before this turn. */
  advance: z.number().optional(),
  expect: z.array(z.string()).optional(),
  not_expect: z.array(z.string()).optional(),
});
const Appointment = z.strictObject({
  service: z.string(),
  start: z.string(),
  status: z.enum(['requested', 'confirmed', 'completed', 'canceled', 'no_show']),
  staff: z.string().optional(),
  customer: z.enum(['self', 'other']).default('self'),
  intake: z.record(z.string(), z.unknown()).optional(),
});
const Dialog = z.strictObject({
  name: z.string(),
  fixture: z.literal('salon'),
  now: z.string(),
  phone: z.string().default('+15555550123'),
  existing: z
    .array(z.strictObject({ service: z.string(), start: z.string(), staff: z.enum(['dana', 'lee']).optional(), customer: z.enum(['self', 'other']).default('self') }))
    .default([]),
  turns: z.array(Turn).min(1),
  expect: z.strictObject({
    appointments: z.array(Appointment),
    exceptions: z.array(z.string()).default([]),
    live_holds: z.number().default(0),
    handed_off: z.boolean().default(false),
  }),
});
type Dialog = z.infer<typeof Dialog>;

const OTHER_PHONE = '+15555550999';
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const dialogs = files.map((f) => ({ file: f, dialog: Dialog.parse(parse(readFileSync(path.join(DIR, f), 'utf8'))) }));

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('offline dialogs', () => {
  it('has at least 40 dialogs', () => {
    expect(dialogs.length).toBeGreaterThanOrEqual(40);
  });

  for (const { file, dialog } of dialogs) {
    it(`${file}: ${dialog.name}`, async () => {
      await runDialog(dialog);
    });
  }
});

async function runDialog(d: Dialog) {
  await wipe(t.db);
  const fx = await createSalon(t.db);
  let now = new Date(d.now);
  const clock = () => new Date(now);
  const scheduler = schedulerFor(t, clock);
  const orchestrator = createOrchestrator({ db: t.db, scheduler, clock, log: createLogger('silent'), provider: createOfflineProvider() });
  const local = (s: string) => DateTime.fromFormat(s, 'yyyy-MM-dd HH:mm', { zone: fx.timeZone }).toJSDate();

  for (const e of d.existing) {
    const phone = e.customer === 'other' ? OTHER_PHONE : d.phone;
    const customer = await t.db.customer.upsert({ where: { phone }, create: { phone }, update: {} });
    const booked = await scheduler.book({
      service: fx.services[e.service as keyof Fixture['services']],
      start: local(e.start),
      resourceId: e.staff ? fx.staff[e.staff] : undefined,
      customerId: customer.id,
      channel: 'api',
      actor: { type: 'system', id: 'fixture' },
    });
    if (!booked.ok) throw new Error(`fixture booking failed: ${JSON.stringify(booked)}`);
  }

  let last: OutboundReply | null = null;
  const log: string[] = [];
  for (const [i, turn] of d.turns.entries()) {
    if (turn.advance) now = new Date(now.getTime() + turn.advance * 60_000);
    let choiceValue: string | undefined;
    if (turn.button === 'confirm') choiceValue = last?.choices?.find((c) => c.value.startsWith('confirm:'))?.value;
    else if (turn.button) choiceValue = turn.button;
    last = await orchestrator.handle({ channel: 'sms', senderIdentity: d.phone, text: turn.say ?? '', choiceValue, externalId: `SM${i}` });
    const text = last.messages.join('\n');
    log.push(`> ${turn.say ?? `[${turn.button}]`}\n${text}`);
    expect(text.trim().length, `empty reply to turn ${i}`).toBeGreaterThan(0);
    for (const s of turn.expect ?? []) expect(text.toLowerCase(), `turn ${i} reply\n${log.join('\n')}`).toContain(s.toLowerCase());
    for (const s of turn.not_expect ?? []) expect(text.toLowerCase(), `turn ${i} reply\n${log.join('\n')}`).not.toContain(s.toLowerCase());
  }

  const names = Object.fromEntries(Object.entries(fx.services).map(([slug, id]) => [id, slug]));
  const staffNames = Object.fromEntries(Object.entries(fx.staff).map(([n, id]) => [id, n[0]!.toUpperCase() + n.slice(1)]));
  const rows = await t.db.appointment.findMany({ include: { customer: true, reservations: true }, orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }] });
  const actual = rows.map((a) => {
    const staff = a.reservations.map((r) => staffNames[r.resourceId]).find(Boolean);
    return {
      service: names[a.serviceId],
      start: DateTime.fromJSDate(a.startsAt, { zone: fx.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
      status: a.status,
      staff,
      customer: a.customer?.phone === d.phone ? 'self' : 'other',
      intake: a.intake,
    };
  });
  const expected = d.expect.appointments;
  const context = `\n${log.join('\n')}\nactual: ${JSON.stringify(actual, null, 1)}`;
  expect(actual.length, `appointment count${context}`).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect({ service: a.service, start: a.start, status: a.status, customer: a.customer }, `appointment ${i}${context}`).toEqual({
      service: e.service,
      start: e.start,
      status: e.status,
      customer: e.customer,
    });
    if (e.staff) expect(a.staff, `staff of appointment ${i}${context}`).toBe(e.staff);
    if (e.intake) expect(a.intake, `intake of appointment ${i}${context}`).toEqual(e.intake);
  });

  const exceptions = await t.db.exception.findMany({ orderBy: { createdAt: 'asc' } });
  expect(exceptions.map((x) => x.type).sort(), `exceptions${context}`).toEqual([...d.expect.exceptions].sort());
  const holds = await t.db.hold.count({ where: { expiresAt: { gt: clock() } } });
  expect(holds, `live holds${context}`).toBe(d.expect.live_holds);
  const conv = await t.db.conversation.findFirst({ where: { channel: 'sms' } });
  expect(conv?.handedOff ?? false, `handed off${context}`).toBe(d.expect.handed_off);
  // Nothing was written for anyone but the sender and the fixture's other customer.
  const customers = await t.db.customer.findMany({ select: { phone: true } });
  for (const c of customers) expect([d.phone, OTHER_PHONE]).toContain(c.phone);
}

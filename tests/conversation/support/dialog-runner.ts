import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type pg from 'pg';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { keywordText } from '../../../src/channels/sms/answer-keyword.ts';
import { classifyKeyword, type KeywordAction } from '../../../src/channels/sms/keywords.ts';
import type { Orchestrator, OutboundReply } from '../../../src/contract/conversation.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { loadPrompts } from '../../../src/conversation/prompts.ts';
import { createOfflineProvider } from '../../../src/conversation/providers/offline/provider.ts';
import type { PrismaClient } from '../../../src/db/client.ts';
import { createSchedulingStore } from '../../../src/db/scheduling/store.ts';
import { createCustomerStore } from '../../../src/db/sms/customer-store.ts';
import { createScheduler } from '../../../src/engine/scheduler.ts';
import { createLogger } from '../../../src/log.ts';
import { createSalon, wipe, wipeActivity, type Fixture } from './fixture.ts';

// Runs one scripted dialog with the offline provider on a fresh copy of its business
// fixture and judges it on the END STATE of the database. Free of vitest, so both the
// test files and `npm run eval` (bench/eval.ts) run the very same dialogs the same way.
// A file may hold several dialogs as YAML documents separated by `---`.

const TurnObject = z.strictObject({
  say: z.string().optional(),
  /** "confirm" presses the confirm button of the last reply; anything else is sent as the choice value. */
  button: z.string().optional(),
  /** Presses the confirm button of the Nth reply (1-based) instead of the last one: a stale button. */
  button_from_reply: z.number().int().positive().optional(),
  /** Minutes the clock moves forward before this turn. */
  advance: z.number().optional(),
  expect: z.array(z.string()).optional(),
  not_expect: z.array(z.string()).optional(),
});
/** A bare string is what the customer texts. */
const Turn = z.union([z.string().transform((say): z.infer<typeof TurnObject> => ({ say })), TurnObject]);
const Appointment = z.strictObject({
  service: z.string(),
  start: z.string(),
  status: z.enum(['requested', 'confirmed', 'completed', 'canceled', 'no_show']),
  staff: z.string().optional(),
  customer: z.enum(['self', 'other']).default('self'),
  intake: z.record(z.string(), z.unknown()).optional(),
});
export const Dialog = z.strictObject({
  name: z.string(),
  fixture: z.literal('salon').default('salon'),
  /** Tue Dec 1 2026, 9:00 AM in New York unless said otherwise. */
  now: z.string().default('2026-12-01T14:00:00Z'),
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
  /** Only in the held-out set, and only while its pass-rate gate holds: why this dialog still fails. */
  expected_fail: z.string().optional(),
});
export type Dialog = z.infer<typeof Dialog>;

export interface LoadedDialog {
  file: string;
  dialog: Dialog;
}

/** Every dialog in a folder's files (those `only` keeps), in file order then document order. */
export function loadDialogs(dir: string, only: (file: string) => boolean = () => true): LoadedDialog[] {
  const out: LoadedDialog[] = [];
  for (const file of dialogFiles(dir).filter(only)) {
    const docs = parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) continue;
      const parsed = Dialog.safeParse(value);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      out.push({ file, dialog: parsed.data });
    }
  }
  return out;
}

/** The dialog files of a folder, sorted. */
export function dialogFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export interface DialogResult {
  /** What went wrong, one line each; empty when the dialog passed. */
  failures: string[];
  /** The conversation as it went, for failure messages. */
  transcript: string;
}

export const OTHER_PHONE = '+15555550999';

type DialogDatabase = { db: PrismaClient; pool: pg.Pool };

/** The salon made on each database (keyed by its client, which callers may wrap anew per dialog), so later dialogs there reuse it. */
const salons = new WeakMap<PrismaClient, Fixture>();

/** The salon with nothing booked or said yet: made once per database, then only its activity wiped. */
async function freshSalon(t: DialogDatabase): Promise<Fixture> {
  const made = salons.get(t.db);
  if (made) {
    await wipeActivity(t.pool);
    return made;
  }
  await wipe(t.db);
  const fx = await createSalon(t.db);
  salons.set(t.db, fx);
  return fx;
}

/** What a dialog is doing, for a bench that splits its cost: setting up, the turns, judging the end state. */
export type DialogPhase = 'setup' | 'turns' | 'judge';

// What every dialog's orchestrator shares: made once per process, not per dialog.
const silent = createLogger('silent');
const prompts = loadPrompts();

/** Runs the dialog on a fresh salon and compares the database with what it expects. */
export async function runDialog(t: DialogDatabase, d: Dialog, opts: { onPhase?: (phase: DialogPhase) => void } = {}): Promise<DialogResult> {
  opts.onPhase?.('setup');
  const fx = await freshSalon(t);
  let now = new Date(d.now);
  const clock = () => new Date(now);
  const scheduler = createScheduler(createSchedulingStore(t.pool), clock, { holdMinutes: 10 });
  const orchestrator = createOrchestrator({ db: t.db, scheduler, clock, log: silent, prompts, provider: createOfflineProvider() });
  const local = (s: string) => DateTime.fromFormat(s, 'yyyy-MM-dd HH:mm', { zone: fx.timeZone }).toJSDate();
  const failures: string[] = [];

  for (const e of d.existing) {
    const phone = e.customer === 'other' ? OTHER_PHONE : d.phone;
    const customer = await customerByPhone(t.pool, phone);
    // A booking that has already started ("I'm in the lobby") was made the day before it.
    const bookedAt = new Date(Math.min(now.getTime(), local(e.start).getTime() - 86_400_000));
    const booking = bookedAt < now ? createScheduler(createSchedulingStore(t.pool), () => bookedAt, { holdMinutes: 10 }) : scheduler;
    const booked = await booking.book({
      service: fx.services[e.service as keyof Fixture['services']],
      start: local(e.start),
      resourceId: e.staff ? fx.staff[e.staff] : undefined,
      customerId: customer.id,
      channel: 'api',
      actor: { type: 'system', id: 'fixture' },
    });
    if (!booked.ok) throw new Error(`fixture booking failed: ${JSON.stringify(booked)}`);
  }

  const replies: OutboundReply[] = [];
  const log: string[] = [];
  let optedOut = false;
  opts.onPhase?.('turns');
  for (const [i, turn] of d.turns.entries()) {
    if (turn.advance) now = new Date(now.getTime() + turn.advance * 60_000);
    const last = replies[replies.length - 1];
    let choiceValue: string | undefined;
    const confirmOf = (r: OutboundReply | undefined) => r?.choices?.find((c) => c.value.startsWith('confirm:'))?.value;
    if (turn.button_from_reply) choiceValue = confirmOf(replies[turn.button_from_reply - 1]);
    else if (turn.button === 'confirm') choiceValue = confirmOf(last);
    else if (turn.button) choiceValue = turn.button;
    if ((turn.button_from_reply || turn.button === 'confirm') && !choiceValue) failures.push(`turn ${i}: no confirm button to press`);
    const keyword: KeywordAction | null = choiceValue ? null : classifyKeyword(turn.say ?? '', optedOut);
    const reply = keyword
      ? await carrierKeyword(t, orchestrator, { phone: d.phone, keyword, now: clock() })
      : optedOut
        ? { conversationId: '', messages: [] }
        : await orchestrator.handle({ channel: 'sms', senderIdentity: d.phone, text: turn.say ?? '', choiceValue, externalId: `SM${i}` });
    if (keyword === 'opt_out' || keyword === 'opt_in') optedOut = keyword === 'opt_out';
    replies.push(reply);
    const text = reply.messages.join('\n');
    log.push(`> ${turn.say ?? `[${choiceValue ?? turn.button}]`}\n${text || '(no reply: opted out)'}`);
    if (text.trim() === '' && !optedOut) failures.push(`turn ${i}: empty reply`);
    for (const s of turn.expect ?? []) if (!text.toLowerCase().includes(s.toLowerCase())) failures.push(`turn ${i}: reply lacks "${s}"`);
    for (const s of turn.not_expect ?? []) if (text.toLowerCase().includes(s.toLowerCase())) failures.push(`turn ${i}: reply has "${s}"`);
  }

  opts.onPhase?.('judge');
  failures.push(...(await compareEndState(t, d, fx, clock())));
  return { failures, transcript: log.join('\n') };
}

/**
 * What the SMS channel does with a carrier keyword sent as the whole message (STOP, CANCEL,
 * START, HELP), which never reaches the understanding: an opt-out ends the conversation (its
 * held time let go), and the channel answers with its own text. The channel's records (the
 * opt-out flag, the staff alert about upcoming bookings) are tested in tests/channels/sms.
 */
async function carrierKeyword(t: DialogDatabase, orchestrator: Orchestrator, input: { phone: string; keyword: KeywordAction; now: Date }): Promise<OutboundReply> {
  if (input.keyword === 'opt_out') await orchestrator.end({ channel: 'sms', senderIdentity: input.phone }, 'sms opt-out');
  const business = await t.db.business.findFirst({ select: { name: true, phone: true, email: true, website: true } });
  const customers = createCustomerStore(t.db);
  const customer = input.keyword === 'opt_out' ? await customers.byPhone(input.phone) : null;
  const upcoming = customer ? await customers.upcomingAppointments(customer.id, input.now) : [];
  return { conversationId: '', messages: [keywordText({ action: input.keyword, business, language: 'en', upcoming })] };
}

/** The customer with this phone, created when missing: one statement. */
async function customerByPhone(pool: pg.Pool, phone: string): Promise<{ id: string }> {
  const { rows } = await pool.query<{ id: string }>(
    `WITH ins AS (INSERT INTO customer (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING RETURNING id::text)
     SELECT id FROM ins UNION ALL SELECT id::text FROM customer WHERE phone = $1`,
    [phone],
  );
  return rows[0]!;
}

// The end state a dialog is judged on, read in one statement: every appointment (its
// resources, customer's phone and intake), the exceptions' types, the holds live at
// `now` ($1), whether the SMS conversation was handed off, and every customer's phone.
const END_STATE_SQL = `
SELECT
  (SELECT coalesce(json_agg(json_build_object(
            'serviceId', a.service_id, 'startsAt', (extract(epoch FROM a.starts_at) * 1000)::bigint, 'status', a.status,
            'intake', a.intake, 'phone', cu.phone,
            'resourceIds', (SELECT coalesce(json_agg(r.resource_id), '[]') FROM reservation r WHERE r.appointment_id = a.id))
          ORDER BY a.starts_at, a.created_at), '[]')
     FROM appointment a LEFT JOIN customer cu ON cu.id = a.customer_id) AS appointments,
  (SELECT coalesce(json_agg(x.type::text), '[]') FROM exception x) AS exceptions,
  (SELECT count(*)::int FROM hold h WHERE h.expires_at > $1::timestamptz) AS live_holds,
  (SELECT c.handed_off FROM conversation c WHERE c.channel = 'sms' LIMIT 1) AS handed_off,
  (SELECT coalesce(json_agg(c.phone), '[]') FROM customer c) AS phones`;

interface EndState {
  appointments: Array<{ serviceId: string; startsAt: number; status: string; intake: unknown; phone: string | null; resourceIds: string[] }>;
  exceptions: string[];
  live_holds: number;
  handed_off: boolean | null;
  phones: string[];
}

async function compareEndState(t: DialogDatabase, d: Dialog, fx: Fixture, now: Date): Promise<string[]> {
  const failures: string[] = [];
  const names = Object.fromEntries(Object.entries(fx.services).map(([slug, id]) => [id, slug]));
  const staffNames = Object.fromEntries(Object.entries(fx.staff).map(([n, id]) => [id, n[0]!.toUpperCase() + n.slice(1)]));
  const end = (await t.pool.query<EndState>(END_STATE_SQL, [now.toISOString()])).rows[0]!;
  const actual = end.appointments.map((a) => ({
    service: names[a.serviceId],
    start: DateTime.fromMillis(a.startsAt, { zone: fx.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
    status: a.status,
    staff: a.resourceIds.map((id) => staffNames[id]).find(Boolean),
    customer: a.phone === d.phone ? 'self' : 'other',
    intake: a.intake,
  }));
  const expected = d.expect.appointments;
  const shown = (a: { service?: string; start: string; status: string; customer: string; staff?: string }) =>
    `${a.service} ${a.start} ${a.status} ${a.customer}${a.staff ? ` ${a.staff}` : ''}`;
  // Same start and creation order can tie (two people at once): compare as sorted lists.
  const key = (a: { service?: string; start: string; status: string; customer: string }) => `${a.start} ${a.service} ${a.status} ${a.customer}`;
  const want = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
  const got = pairTies(want, [...actual].sort((a, b) => key(a).localeCompare(key(b))), key);
  if (want.length !== got.length || want.some((e, i) => key(e) !== key(got[i]!))) {
    failures.push(`appointments: expected [${want.map(shown).join('; ')}], got [${got.map(shown).join('; ')}]`);
  } else {
    want.forEach((e, i) => {
      const a = got[i]!;
      if (e.staff && a.staff !== e.staff) failures.push(`appointment ${i}: staff ${a.staff}, expected ${e.staff}`);
      if (e.intake && JSON.stringify(sortKeys(a.intake)) !== JSON.stringify(sortKeys(e.intake))) {
        failures.push(`appointment ${i}: intake ${JSON.stringify(a.intake)}, expected ${JSON.stringify(e.intake)}`);
      }
    });
  }

  const exceptions = [...end.exceptions].sort();
  const wantExceptions = [...d.expect.exceptions].sort();
  if (JSON.stringify(exceptions) !== JSON.stringify(wantExceptions)) failures.push(`exceptions: expected ${JSON.stringify(wantExceptions)}, got ${JSON.stringify(exceptions)}`);
  if (end.live_holds !== d.expect.live_holds) failures.push(`live holds: expected ${d.expect.live_holds}, got ${end.live_holds}`);
  if ((end.handed_off ?? false) !== d.expect.handed_off) failures.push(`handed off: expected ${d.expect.handed_off}`);
  // Nothing was written for anyone but the sender and the fixture's other customer.
  for (const phone of end.phones) if (phone !== d.phone && phone !== OTHER_PHONE) failures.push(`unexpected customer ${phone}`);
  return failures;
}

/**
 * `got` reordered so that, among appointments tied on `key` (two people at once), each one
 * stands beside the expected one naming its stylist: the tie's order in either list says nothing.
 */
function pairTies<W extends { staff?: string }, G extends { staff?: string }>(want: W[], got: G[], key: (a: W | G) => string): G[] {
  const out = [...got];
  want.forEach((e, i) => {
    if (!e.staff || out[i]?.staff === e.staff) return;
    const j = out.findIndex((a, k) => k > i && key(a) === key(e) && a.staff === e.staff);
    if (j > i && key(out[i]!) === key(e)) [out[i], out[j]] = [out[j]!, out[i]!];
  });
  return out;
}

function sortKeys(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

/** Pass rate as "117/120 (97.5%)". */
export function formatRate(passed: number, total: number): string {
  return `${passed}/${total} (${total ? ((100 * passed) / total).toFixed(1) : '0.0'}%)`;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookResult, Scheduler } from '../../src/engine/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { OVERLAP_SQL, createBusiness, createResource, createService, system, weekdays } from './support/fixtures.ts';
import { schedulerFor } from '../support/scheduler.ts';
import { BookingModel, seededRandom, type Window } from './support/booking-model.ts';

// Many writers at once against real Postgres: the engine's locks and the exclusion
// constraint together must never let two live bookings of different sessions overlap,
// never lose an appointment, and never refuse a time that was free.

describe('concurrent booking against Postgres', () => {
  let t: TestDatabase;
  let s: Scheduler;
  let ids: { solo: string; coach: string; staff: string[]; limited: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const solo = await createResource(t.db, location.id, { name: 'Solo' });
    const coach = await createResource(t.db, location.id, { name: 'Coach', capacity: 5 });
    const limited = await createResource(t.db, location.id, { name: 'Limited', maxDailyBookings: 2 });
    const staff = [];
    for (let i = 0; i < 10; i++) staff.push(await createResource(t.db, location.id, { name: `Staff ${i}`, skills: ['general'], hours: weekdays('09:00', '17:00') }));
    await createService(t.db, business.id, { slug: 'solo', eligible: [solo.id] });
    await createService(t.db, business.id, { slug: 'limited', eligible: [limited.id] });
    await createService(t.db, business.id, { slug: 'yoga', seats: 5, durationMinutes: 60, slotStepMinutes: 60, eligible: [coach.id] });
    await createService(t.db, business.id, { slug: 'visit', bufferAfterMinutes: 10, requirements: [{ kind: 'staff', skills: ['general'] }] });
    await createService(t.db, business.id, { slug: 'crowd', requirements: [{ kind: 'staff', skills: ['general'] }] });
    ids = { solo: solo.id, coach: coach.id, staff: staff.map((r) => r.id), limited: limited.id };
    s = schedulerFor(t, () => new Date('2026-11-30T12:00:00Z'));
  });
  afterAll(() => t.drop());

  it('50 parallel bookings of one capacity-1 slot: exactly 1 succeeds, 49 get a conflict with alternatives', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        s.book({ service: 'solo', start: new Date('2026-12-01T15:00:00Z'), channel: 'api', actor: { type: 'customer', id: `c${i}` } }),
      ),
    );
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r): r is Extract<BookResult, { kind: 'conflict' }> => !r.ok && r.kind === 'conflict');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const c of conflicts) {
      expect(c.alternatives.length).toBeGreaterThan(0);
      expect(c.alternatives.length).toBeLessThanOrEqual(3);
      expect(c.alternatives.every((a) => a.start.getTime() !== Date.parse('2026-12-01T15:00:00Z'))).toBe(true);
    }
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM reservation WHERE resource_id = $1 AND active`, [ids.solo]);
    expect(rows[0].n).toBe(1);
  });

  it('a seats=5 slot booked 50 times in parallel: exactly 5 succeed, all in one session', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => s.book({ service: 'yoga', start: new Date('2026-12-01T15:00:00Z'), channel: 'api', actor: system })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.kind === 'conflict')).toHaveLength(45);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n, count(DISTINCT session_key)::int AS sessions FROM reservation WHERE resource_id = $1 AND active`, [ids.coach]);
    expect(rows[0]).toEqual({ n: 5, sessions: 1 });
  });

  // Outcomes, not speed (that is `npm run bench`): each lock cycle among the writers costs its
  // victim Postgres's deadlock_timeout (1 s) before the abort, and on a loaded CI machine the
  // rounds added up past the default 60 s once (2 s alone here).
  it('10 parallel "any provider" bookings of one time with 10 staff free, at six times at once: every one succeeds, one on each', { timeout: 240_000 }, async () => {
    // Routing ranks the free staff alike for every caller, so they all try the same one
    // first: the last to win a time may lose nine rounds in a row, each to a writer that
    // committed, and must still get the tenth.
    const starts = [14, 15, 16, 17, 18, 19].map((h) => new Date(`2026-12-03T${h}:00:00Z`));
    const book = (start: Date, i: number) => s.book({ service: 'crowd', start, channel: 'api', actor: { type: 'customer', id: `crowd${i}` } });
    const results = await Promise.all(starts.map((start) => Promise.all(Array.from({ length: 10 }, (_, i) => book(start, i)))));
    for (const atStart of results) {
      expect(atStart.map((r) => (r.ok ? 'ok' : r.kind))).toEqual(Array(10).fill('ok'));
      expect(new Set(atStart.map((r) => r.ok && r.appointment.resourceIds[0])).size).toBe(10);
    }
  });

  it('a daily limit of 2 holds when 16 different times of one day are booked at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        s.book({ service: 'limited', start: new Date(Date.parse('2026-12-01T14:00:00Z') + i * 30 * 60_000), channel: 'api', actor: system }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toHaveLength(14);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM reservation WHERE resource_id = $1 AND active`, [ids.limited]);
    expect(rows[0].n).toBe(2);
  });

  it(
    `${WORKERS} workers × ${OPS_PER_WORKER} random book/reschedule/cancel calls on 10 staff: the database holds exactly what the reference model says, and every refusal had a real conflict`,
    { timeout: 240_000 },
    async () => {
      const seed = Number(process.env.CONCURRENCY_SEED ?? Math.floor(Math.random() * 2 ** 31));
      // Printed so a failure can be replayed: each worker draws from seed + its number.
      console.log(`concurrency seed ${seed} (CONCURRENCY_SEED=${seed} replays every worker's choices)`);
      const model = new BookingModel(VISIT_BLOCK_MINUTES);
      const run = await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker({ s, model, staff: ids.staff, number: w, random: seededRandom(seed + w) })));
      const outcomes = tally(run);
      const context = `seed ${seed}`;
      console.log(`${context}: ${JSON.stringify({ ...outcomes, refusals: run.flatMap((r) => r.refusals).length })}`);

      // The workload did what it is for: every kind of call succeeded often, and
      // contention produced refusals that the model had to explain. How many depends on
      // timing as well as the seed (10 to 60 seen; 10 on a CI run at load 11), so the
      // guard asks for some, not for a number.
      expect(outcomes.booked, context).toBeGreaterThan(50);
      expect(outcomes.rescheduled, context).toBeGreaterThan(20);
      expect(outcomes.canceled, context).toBeGreaterThan(20);
      expect(outcomes.deadRefused, context).toBeGreaterThan(0);
      expect(run.flatMap((r) => r.refusals).length, context).toBeGreaterThan(0);

      expect(unexplainedRefusals(model, run), context).toEqual([]);
      expect((await t.pool.query(OVERLAP_SQL)).rows[0].n, context).toBe(0);
      expect(await databaseView(t), context).toEqual(modelView(model));
    },
  );
});

// --- the random workload and its reference model ---------------------------------

const WORKERS = 8;
const OPS_PER_WORKER = 50;
/** The 'visit' service: 30 minutes plus a 10-minute buffer after. */
const VISIT_BLOCK_MINUTES = 40;
// Two days (Tue, Wed), starts 09:00–16:00 New York (14:00Z–21:00Z) on a 30-minute
// grid: every start is inside working hours, buffer included, so no rule may refuse a
// booking, and 10 staff over 30 starts keep the workers contending.
const GRID: number[] = ['2026-12-01', '2026-12-02'].flatMap((day) => Array.from({ length: 15 }, (_, m) => Date.parse(`${day}T14:00:00Z`) + m * 30 * 60_000));

interface Refusal {
  call: string;
  start: number;
  candidates: string[];
  moving?: string;
  window: Window;
  result: unknown;
}

interface WorkerRun {
  booked: number;
  rescheduled: number;
  canceled: number;
  deadRefused: number;
  refusals: Refusal[];
  /** Answers the model says are wrong whatever the interleaving. */
  wrong: string[];
}

async function worker(w: { s: Scheduler; model: BookingModel; staff: string[]; number: number; random: () => number }): Promise<WorkerRun> {
  const { s, model, staff, random } = w;
  const run: WorkerRun = { booked: 0, rescheduled: 0, canceled: 0, deadRefused: 0, refusals: [], wrong: [] };
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  // A worker only touches its own appointments, so it knows each one's state exactly.
  const own = (fate: 'live' | 'dead') =>
    [...model.appointments.values()].filter((a) => a.worker === w.number && (fate === 'live' ? a.fate === 'live' : a.fate !== 'live'));

  for (let op = 0; op < OPS_PER_WORKER; op++) {
    const roll = random();
    const start = pick(GRID);
    const live = own('live');
    const dead = own('dead');
    const sentAt = model.now();
    if (roll < 0.45 || live.length === 0) {
      const resourceId = random() < 0.5 ? pick(staff) : undefined;
      const r = await s.book({ service: 'visit', start: new Date(start), resourceId, channel: 'api', actor: system });
      const window = { sentAt, answeredAt: model.now() };
      if (!r.ok) run.refusals.push({ call: `book ${resourceId ?? 'anyone'}`, start, candidates: resourceId ? [resourceId] : staff, window, result: r });
      else {
        const given = r.appointment.resourceIds[0]!;
        if (r.appointment.start.getTime() !== start || (resourceId && given !== resourceId) || !staff.includes(given)) run.wrong.push(`book answered ${JSON.stringify(r.appointment)}`);
        model.added({ id: r.appointment.id, worker: w.number, resourceId: given, start, bornAt: sentAt });
        run.booked++;
      }
    } else if (roll < 0.75) {
      const moving = pick(live);
      const r = await s.reschedule(moving.id, new Date(start), system);
      const window = { sentAt, answeredAt: model.now() };
      if (!r.ok) run.refusals.push({ call: `reschedule ${moving.id}`, start, candidates: staff, moving: moving.id, window, result: r });
      else {
        if (r.appointment.start.getTime() !== start || r.appointment.rescheduledFromId !== moving.id) run.wrong.push(`reschedule answered ${JSON.stringify(r.appointment)}`);
        model.added({ id: r.appointment.id, worker: w.number, resourceId: r.appointment.resourceIds[0]!, start, bornAt: sentAt });
        model.ended(moving.id, 'rescheduled', window.answeredAt, r.appointment.id);
        run.rescheduled++;
      }
    } else if (roll < 0.93 || dead.length === 0) {
      const target = pick(live);
      const r = await s.cancel(target.id, system, 'test');
      if (!r.ok) run.wrong.push(`cancel of live ${target.id} refused: ${JSON.stringify(r)}`);
      else {
        model.ended(target.id, 'canceled', model.now());
        run.canceled++;
      }
    } else {
      // Canceled or moved appointments are final: both calls must be refused by rule.
      const target = pick(dead);
      const r = random() < 0.5 ? await s.cancel(target.id, system, 'again') : await s.reschedule(target.id, new Date(start), system);
      if (r.ok || r.kind !== 'rule' || r.rule !== 'invalid_transition') run.wrong.push(`call on ${target.fate} ${target.id} answered ${JSON.stringify(r)}`);
      else run.deadRefused++;
    }
  }
  return run;
}

function tally(runs: WorkerRun[]) {
  const sum = (k: 'booked' | 'rescheduled' | 'canceled' | 'deadRefused') => runs.reduce((n, r) => n + r[k], 0);
  return { booked: sum('booked'), rescheduled: sum('rescheduled'), canceled: sum('canceled'), deadRefused: sum('deadRefused') };
}

/** Wrong answers, and refusals no possibly-live booking explains (judged once every call has answered). */
function unexplainedRefusals(model: BookingModel, runs: WorkerRun[]): string[] {
  const wrong = runs.flatMap((r) => r.wrong);
  for (const refusal of runs.flatMap((r) => r.refusals)) {
    const isConflict = (refusal.result as { kind?: string }).kind === 'conflict';
    if (!isConflict || !model.conflictExplained(refusal)) {
      const free = model.unblocked(refusal).join(' ');
      wrong.push(`${refusal.call} at ${new Date(refusal.start).toISOString()} (window ${refusal.window.sentAt}–${refusal.window.answeredAt}, free by the model: ${free}) refused: ${JSON.stringify(refusal.result).slice(0, 300)}`);
    }
  }
  return wrong;
}

interface StoredAppointment {
  id: string;
  status: string;
  start: string;
  reason: string | null;
  successor: string | null;
  /** Active reservation blocks as "resource start–end". */
  blocks: string[];
}

function modelView(model: BookingModel): StoredAppointment[] {
  return [...model.appointments.values()]
    .map((a) => ({
      id: a.id,
      status: a.fate === 'live' ? 'confirmed' : 'canceled',
      start: new Date(a.start).toISOString(),
      reason: a.fate === 'live' ? null : a.fate === 'rescheduled' ? 'rescheduled' : 'test',
      successor: a.successorId ?? null,
      blocks: a.fate === 'live' ? [`${a.resourceId} ${new Date(a.start).toISOString()}–${new Date(a.blockEnd).toISOString()}`] : [],
    }))
    .sort((x, y) => x.id.localeCompare(y.id));
}

async function databaseView(t: TestDatabase): Promise<StoredAppointment[]> {
  const { rows } = await t.pool.query<StoredAppointment>(
    `SELECT a.id, a.status::text AS status, to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS start,
            a.cancel_reason AS reason,
            (SELECT n.id FROM appointment n WHERE n.rescheduled_from_id = a.id) AS successor,
            ARRAY(SELECT r.resource_id || ' ' || to_char(r.block_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '–' ||
                         to_char(r.block_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                  FROM reservation r WHERE r.appointment_id = a.id AND r.active) AS blocks
     FROM appointment a JOIN service s ON s.id = a.service_id WHERE s.slug = 'visit' ORDER BY a.id`,
  );
  return rows.sort((x, y) => x.id.localeCompare(y.id));
}

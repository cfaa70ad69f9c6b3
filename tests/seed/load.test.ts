import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { DEMO_SEED_FILE } from '../../src/seed/demo.ts';
import { countOf } from '../../src/seed/demo.ts';
import { BusinessExistsError, loadSeed, parseSeed, SeedError, seedFromFile } from '../../src/seed/load.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Seed files: the sample loads as YAML and as JSON; a malformed file names the
// offending field and writes nothing, even when the problem only shows in the
// database halfway through.

const NOW = new Date('2026-12-01T20:00:00Z');
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestDatabase;
let dir: string;
let sample: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-seed-'));
  sample = parseYaml(await readFile(DEMO_SEED_FILE, 'utf8'));
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const counts = async () => {
  const { rows } = await t.pool.query(
    `SELECT (SELECT count(*) FROM business) b, (SELECT count(*) FROM location) l, (SELECT count(*) FROM resource) r,
            (SELECT count(*) FROM service) s, (SELECT count(*) FROM customer) c, (SELECT count(*) FROM appointment) a,
            (SELECT count(*) FROM reservation) rv, (SELECT count(*) FROM weekly_hours) w`,
  );
  return rows[0];
};
const EMPTY = { b: '0', l: '0', r: '0', s: '0', c: '0', a: '0', rv: '0', w: '0' };

type Path = Array<string | number>;

function getIn(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], doc);
}

/** The sample, deep-copied, with the value at `path` replaced. */
function variant(path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(sample);
  (getIn(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
  return copy;
}

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SeedError);
    return (e as SeedError).issues;
  }
  throw new Error('expected a SeedError');
}

describe('parsing seed files', () => {
  it.each([
    ['a wrongly typed field', ['services', 0, 'durationMinutes'], 'sixty', 'services.0.durationMinutes'],
    ['an unknown field', ['resources', 2, 'favouriteColor'], 'teal', 'resources.2'],
    ['a bad time zone', ['locations', 1, 'timeZone'], 'Pacific Time', 'locations.1.timeZone'],
    ['overlapping hours', ['schedules', 'weekdays', 'mon'], ['09:00-13:00', '12:00-17:00'], 'schedules.weekdays.1.start'],
    ['an unknown location key', ['resources', 0, 'location'], 'queens', 'resources.0.location'],
    ['an unknown schedule', ['resources', 0, 'hours'], 'nights', 'resources.0.hours'],
    ['an unknown eligible resource', ['services', 1, 'eligible'], ['nobody'], 'services.1.eligible.0'],
    ['an appointment missing a room', ['appointments', 2, 'resources'], ['priya'], 'appointments.2.resources'],
    ['an unknown customer', ['appointments', 0, 'customer'], '+14155550000', 'appointments.0.customer'],
    ['an invalid intake answer', ['appointments', 0, 'intake'], { first_visit: 'yes' }, 'appointments.0.intake.first_visit'],
    ['a bad phone', ['customers', 0, 'phone'], '718-555-0123', 'customers.0.phone'],
    ['duplicate keys', ['resources', 1, 'key'], 'ana', 'resources.1.key'],
  ] as Array<[string, Path, unknown, string]>)('names the field for %s', (_what, at, value, field) => {
    const issues = issuesOf(() => parseSeed(JSON.stringify(variant(at, value)), 'broken.json'));
    expect(issues.map((i) => i.path)).toContain(field);
  });

  it('explains what is wrong in the message, with the file name', () => {
    try {
      parseSeed(stringify(variant(['resources', 0, 'location'], 'queens')), 'salon.yaml');
      throw new Error('expected a SeedError');
    } catch (e) {
      expect((e as Error).message).toBe('Invalid seed file salon.yaml:\n  - resources.0.location: no location with key "queens"');
    }
  });

  it('reports every mistake in a file at once, schema and reference errors alike', () => {
    const doc = variant(['services', 0, 'durationMinutes'], 'sixty');
    (getIn(doc, ['resources', 2]) as Record<string, unknown>).favouriteColor = 'teal';
    (getIn(doc, ['resources', 0]) as Record<string, unknown>).location = 'queens';
    const issues = issuesOf(() => parseSeed(JSON.stringify(doc), 'three.json'));
    // resources.2 (priya) has a mistake of its own: the appointment and service naming her are not reported again.
    expect(issues.map((i) => i.path).sort()).toEqual(['resources.0.location', 'resources.2', 'services.0.durationMinutes']);
  });

  it('reports text that is not YAML or JSON', () => {
    expect(issuesOf(() => parseSeed('business: [unclosed', 'x.yaml'))[0]!.message).toMatch(/^not valid YAML/);
    expect(issuesOf(() => parseSeed('{"business": ', 'x.json'))[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('loading seed files', () => {
  it('writes nothing when the database refuses a record halfway through', async () => {
    // Valid on paper; the two one-to-one appointments overlap on Ana, which only the exclusion constraint sees.
    const clash = variant(['appointments', 6], { ...(getIn(sample, ['appointments', 0]) as object), customer: '+13475550188' });
    const file = path.join(dir, 'clash.json');
    await writeFile(file, JSON.stringify(clash));
    await expect(seedFromFile(t.db, file, { now: NOW })).rejects.toMatchObject({
      issues: [{ path: 'appointments.6', message: 'overlaps another appointment on the same resource' }],
    });
    expect(await counts()).toEqual(EMPTY);
  });

  it('refuses an appointment its resources cannot work, naming it', async () => {
    const closed = parseSeed(JSON.stringify(variant(['appointments', 0, 'start'], { daysFromNow: 1, at: '22:00' })), 'late.json');
    await expect(loadSeed(t.db, closed, { now: NOW })).rejects.toMatchObject({ issues: [{ path: 'appointments.0.start' }] });
    expect(await counts()).toEqual(EMPTY);
  });

  it('loads the sample from JSON as well as YAML, and refuses a second business', async () => {
    const file = path.join(dir, 'demo.json');
    await writeFile(file, JSON.stringify(sample, null, 2));
    const summary = await seedFromFile(t.db, file, { now: NOW });
    expect(summary).toMatchObject({ businessName: 'Maple & Main Hair Studio', locations: 2, services: 6, resources: 11, appointments: 6 });
    expect(await counts()).toMatchObject({ b: '1', l: '2', r: '11', s: '6', c: '5', a: '6' });
    await expect(seedFromFile(t.db, DEMO_SEED_FILE, { now: NOW })).rejects.toBeInstanceOf(BusinessExistsError);
    expect(await seedFromFile(t.db, DEMO_SEED_FILE, { now: NOW, ifBusinessExists: 'skip' })).toBeNull();
    expect((await counts()).b).toBe('1');
  });
});

describe('counts in messages', () => {
  it('uses the singular for one', () => {
    expect([0, 1, 2].map((n) => countOf(n, 'location'))).toEqual(['0 locations', '1 location', '2 locations']);
  });
});

describe('npm run seed', () => {
  const run = (args: string[], databaseUrl: string) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('migrates, loads a file and says what it created; a broken file exits 1 naming the field', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const broken = path.join(dir, 'broken.yaml');
      await writeFile(broken, stringify(variant(['services', 0, 'slotStepMinutes'], 0)));
      const bad = await run([broken], fresh.url);
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('services.0.slotStepMinutes');
      expect(bad.out).toContain('Nothing was written.');

      const good = await run([DEMO_SEED_FILE], fresh.url);
      expect(good.code, good.out).toBe(0);
      expect(good.out).toMatch(/Seeded "Maple & Main Hair Studio": 2 locations, 6 services, 11 resources .* 6 appointments/);
      expect(await fresh.db.service.count()).toBe(6);

      const missing = await run([path.join(dir, 'nope.yaml')], fresh.url);
      expect(missing).toMatchObject({ code: 1 });
      expect(missing.out).toContain('no such file');
    } finally {
      await fresh.drop();
    }
  });

  it('on the demo database, tells the user to use --replace; with it, swaps the demo for the file and keeps the admin token', async () => {
    const db = await createTestDatabase();
    try {
      await seedFromFile(db.db, DEMO_SEED_FILE, { now: NOW });
      await db.db.setting.create({ data: { key: 'probe', value: 'kept' } });
      const mine = structuredClone(sample) as Record<string, unknown> & { business: { name: string } };
      mine.business.name = 'Corner Barbers';
      mine.locations = [(sample.locations as unknown[])[0]];
      mine.resources = [{ key: 'sam', kind: 'staff', name: 'Sam Doe', location: 'brooklyn', skills: ['mens'], hours: 'weekdays' }];
      mine.services = [(sample.services as Array<Record<string, unknown>>)[1]!].map((s) => ({ ...s, eligible: [] }));
      mine.customers = [];
      mine.appointments = [];
      const file = path.join(dir, 'corner.yaml');
      await writeFile(file, stringify(mine));

      const refused = await run([file], db.url);
      expect(refused.code).toBe(1);
      expect(refused.out).not.toContain('Invalid seed file');
      expect(refused.out).toContain('already has a business ("Maple & Main Hair Studio")');
      expect(refused.out).toContain(`npm run seed -- --replace ${file}`);
      expect(await db.db.business.findMany({ select: { name: true } })).toEqual([{ name: 'Maple & Main Hair Studio' }]);

      const replaced = await run(['--replace', file], db.url);
      expect(replaced.code, replaced.out).toBe(0);
      expect(replaced.out).toContain('Seeded "Corner Barbers": 1 location, 1 service, 1 resource (10 weekly hour intervals), 0 customers, 0 appointments');
      expect(replaced.out).toContain('(replacing "Maple & Main Hair Studio")');
      expect(await db.db.business.findMany({ select: { name: true } })).toEqual([{ name: 'Corner Barbers' }]);
      expect({ customers: await db.db.customer.count(), appointments: await db.db.appointment.count(), locations: await db.db.location.count() }).toEqual({
        customers: 0,
        appointments: 0,
        locations: 1,
      });
      expect(await db.db.setting.findUnique({ where: { key: 'probe' } })).toMatchObject({ value: 'kept' });
    } finally {
      await db.drop();
    }
  });
});

import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { hashPassword } from '../src/dashboard/password.ts';
import { createLogger } from '../src/log.ts';
import { startFrontdesk } from '../src/server.ts';

// `npm run screenshots`: starts Frontdesk with its demo data on a fresh database (a new
// one on TEST_DATABASE_URL's server, else an embedded PostgreSQL in a temporary
// directory), signs in to /ops in headless Chromium and writes one PNG per page, at
// phone and desktop widths, to screenshots/ for a person to look at. One exception is
// raised about a demo appointment, so the inbox, its page and the story show something.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('screenshots');
const PASSWORD = 'screenshots-password';
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const pages = (ids: { exception: string; appointment: string }) => [
  { name: 'sign-in', path: '/ops/sign-in', signedIn: false },
  { name: 'today', path: '/ops/today', signedIn: true },
  { name: 'week', path: '/ops/week', signedIn: true },
  // The demo data's appointments lie ahead: a period around today shows them in the figures.
  { name: 'kpis', path: `/ops/kpis?from=${isoDay(-30)}&to=${isoDay(30)}`, signedIn: true },
  { name: 'exceptions', path: '/ops/exceptions', signedIn: true },
  { name: 'exception', path: `/ops/exceptions/${ids.exception}`, signedIn: true },
  { name: 'appointment-story', path: `/ops/appointments/${ids.appointment}`, signedIn: true },
];
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const dir = await mkdtemp(path.join(tmpdir(), 'frontdesk-screenshots-'));
    return { env: { FRONTDESK_DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `fd_screenshots_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function main() {
  const database = await freshDatabase();
  const config = loadConfig({ ...process.env, ...database.env, PORT: '0', FRONTDESK_SEED: 'demo', LOG_LEVEL: 'warn' });
  const frontdesk = await startFrontdesk(config, createLogger('warn'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const base = `http://127.0.0.1:${new URL(frontdesk.url).port}`;
    const user = await frontdesk.ctx.db.user.create({ data: { name: 'Screenshot Manager', email: 'screenshots@example.com', role: 'manager' } });
    await frontdesk.ctx.db.userPassword.create({ data: { userId: user.id, hash: await hashPassword(PASSWORD) } });
    const PAGES = pages(await demoException(frontdesk.ctx));
    await mkdir(OUT, { recursive: true });
    for (const viewport of VIEWPORTS) {
      const page = await browser.newPage({ viewport });
      for (const p of PAGES.filter((x) => !x.signedIn)) await shoot(page, base, p.path, `${p.name}-${viewport.name}`);
      await page.goto(`${base}/ops/sign-in`);
      await page.getByLabel('Email').fill(user.email!);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/ops\/today$/);
      for (const p of PAGES.filter((x) => x.signedIn)) await shoot(page, base, p.path, `${p.name}-${viewport.name}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await frontdesk.stop();
    await database.drop();
  }
}

/** A customer of the demo asks for a person about their next appointment. */
async function demoException(ctx: AppContext): Promise<{ exception: string; appointment: string }> {
  const a = await ctx.db.appointment.findFirstOrThrow({ where: { customerId: { not: null }, startsAt: { gte: ctx.clock() } }, orderBy: { startsAt: 'asc' } });
  const { id } = await ctx.ops.raise({ type: 'human_requested', summary: 'Customer asked to speak to a person about their booking', appointmentId: a.id, customerId: a.customerId });
  return { exception: id, appointment: a.id };
}

async function shoot(page: Page, base: string, route: string, file: string) {
  await page.goto(`${base}${route}`);
  const target = path.join(OUT, `${file}.png`);
  await page.screenshot({ path: target, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

await main();

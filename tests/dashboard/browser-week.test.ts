import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { hashPassword } from '../../src/dashboard/password.ts';
import { createSalon } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// The Week and KPI pages in a real headless Chromium at phone width: reached from the
// navigation, tables found by their accessible names, the filter forms used, the
// charts present, and nothing wider than the screen. Skipped like browser.test.ts
// when there is no Chromium outside CI.

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!available) console.warn(`tests/dashboard/browser-week.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const NOW = '2026-12-02T15:00:00Z';
const PASSWORD = 'correct horse battery';
let app: TestApp;
let browser: Browser;
let appointmentId: string;

// A string, as the test runs under Node's types: evaluated in the page.
const fitsTheScreen = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe.skipIf(!available)('the Week and KPI pages in Chromium', () => {
  beforeAll(async () => {
    app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx)] });
    const db = app.t.db;
    const salon = await createSalon(db);
    const user = await db.user.create({ data: { name: 'Mia', email: 'mia@example.com', role: 'manager' } });
    await db.userPassword.create({ data: { userId: user.id, hash: await hashPassword(PASSWORD) } });
    const customer = await db.customer.create({ data: { phone: '+12125550111', name: 'Ann Archer' } });
    const start = new Date('2026-12-02T16:00:00Z');
    const end = new Date('2026-12-02T16:30:00Z');
    const a = await db.appointment.create({ data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: customer.id, startsAt: start, endsAt: end, channel: 'sms', ruleVersion: 1 } });
    await db.reservation.create({ data: { resourceId: salon.staff.dana, appointmentId: a.id, sessionKey: a.id, blockStart: start, blockEnd: end } });
    appointmentId = a.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the week from the navigation, reads a day by resource, and moves to another week', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/ops/sign-in`);
    await page.getByLabel('Email').fill('mia@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/ops\/today$/);
    await page.getByRole('link', { name: 'Week', exact: true }).click();
    await page.waitForURL(/\/ops\/week$/);
    const wednesday = page.getByRole('table', { name: 'Main St, Wednesday 2 December, by resource' });
    const dana = wednesday.getByRole('row', { name: /^Dana/ });
    expect(await dana.innerText()).toMatch(/7 h 30 min[\s\S]*09:00–11:00 Free[\s\S]*11:00–11:30 Ann Archer · Haircut[\s\S]*11:30–17:00 Free/);
    expect(await dana.getByRole('link', { name: 'Ann Archer · Haircut' }).getAttribute('href')).toBe(`/ops/appointments/${appointmentId}`);
    expect(await fitsTheScreen(page)).toBe(true);

    await page.getByLabel('Week of').fill('2026-12-09');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/date=2026-12-09/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Week of 7 December 2026/);
    expect(await page.getByRole('table').count()).toBe(7);
    await page.close();
  }, 120_000);

  it('opens the KPI page with its charts, filters it, and offers the CSV', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/ops/sign-in`);
    await page.getByLabel('Email').fill('mia@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/ops\/today$/);
    await page.getByRole('link', { name: 'KPIs' }).click();
    await page.waitForURL(/\/ops\/kpis$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^KPIs/);
    expect(await page.getByRole('img', { name: /Utilization by resource/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: /by resource/ }).innerText()).toMatch(/Dana[\s\S]*%/);
    expect(await fitsTheScreen(page)).toBe(true);

    await page.getByLabel('Channel').selectOption('sms');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/channel=sms/);
    expect(await page.getByRole('link', { name: 'Download these KPIs as CSV' }).getAttribute('href')).toMatch(/^\/ops\/kpis\.csv\?.*channel=sms/);
    await page.close();
  }, 120_000);
});

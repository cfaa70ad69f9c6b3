import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { hashPassword } from '../../src/dashboard/password.ts';
import { createSalon } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// The dashboard in a real headless Chromium (Debian's, driven by playwright-core):
// sign in with the keyboard-reachable form, see today's appointments, open the
// exception inbox, resolve an exception and see it gone, sign out.
// Without Chromium the suite is skipped locally with a message; under CI=true a
// missing Chromium fails, as .ci/run installs it.

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!available) console.warn(`tests/dashboard/browser.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const NOW = '2026-12-02T15:00:00Z';
const PASSWORD = 'correct horse battery';
let app: TestApp;
let browser: Browser;
let exceptionId: string;

describe.skipIf(!available)('the dashboard in Chromium', () => {
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
    exceptionId = (await app.ctx.ops.raise({ type: 'human_requested', summary: 'Ann asked for a person', appointmentId: a.id, customerId: customer.id })).id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("signs in, shows today's appointments, resolves an exception from the inbox, and signs out", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/ops/today`);
    await expect.poll(() => page.url()).toMatch(/\/ops\/sign-in$/);
    await page.getByLabel('Email').fill('mia@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/ops\/today$/);
    const item = page.locator('ol.timeline li');
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/11:00–11:30[\s\S]*Ann Archer · Haircut · Dana/);
    expect(await page.getByRole('main').count()).toBe(1);

    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL(/\/ops\/exceptions$/);
    const row = page.locator(`[data-exception="${exceptionId}"]`);
    expect(await row.innerText()).toMatch(/Customer asked for a person[\s\S]*Ann asked for a person/);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/ops/exceptions/${exceptionId}$`));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByLabel('How it was resolved').fill('Called Ann back');
    await page.getByLabel('How it was resolved').press('Enter');
    await page.waitForURL(/\/ops\/exceptions$/);
    expect(await page.getByRole('status').first().innerText()).toBe('Resolved.');
    expect(await page.locator(`[data-exception="${exceptionId}"]`).count()).toBe(0);
    expect((await app.t.db.exception.findUniqueOrThrow({ where: { id: exceptionId } })).status).toBe('resolved');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/ops\/sign-in$/);
    await page.goto(`${app.url}/ops/today`);
    expect(page.url()).toMatch(/\/ops\/sign-in$/);
  }, 120_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { chromiumAvailable, dashboardWithOneAppointment, fitsTheScreen, launchChromium, signInAsManager } from './chromium.ts';

// The dashboard in a real headless Chromium (Debian's, driven by playwright-core):
// sign in with the keyboard-reachable form, see today's appointments, open the
// exception inbox, resolve an exception and see it gone, sign out.

const available = chromiumAvailable('tests/dashboard/browser.test.ts');
let app: TestApp;
let browser: Browser;
let exceptionId: string;

describe.skipIf(!available)('the dashboard in Chromium', () => {
  beforeAll(async () => {
    const day = await dashboardWithOneAppointment();
    app = day.app;
    exceptionId = (await app.ctx.ops.raise({ type: 'human_requested', summary: 'Ann asked for a person', appointmentId: day.appointmentId, customerId: day.customerId })).id;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("signs in, shows today's appointments, resolves an exception from the inbox, and signs out", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/ops/today`);
    await expect.poll(() => page.url()).toMatch(/\/ops\/sign-in$/);
    await signInAsManager(page);
    const item = page.locator('ol.timeline li');
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/11:00–11:30[\s\S]*Ann Archer · Haircut · Dana/);
    expect(await page.getByRole('main').count()).toBe(1);

    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL(/\/ops\/exceptions$/);
    const row = page.locator(`[data-exception="${exceptionId}"]`);
    expect(await row.innerText()).toMatch(/Customer asked for a person[\s\S]*Ann asked for a person/);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await fitsTheScreen(page)).toBe(true);
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/ops/exceptions/${exceptionId}$`));
    expect(await fitsTheScreen(page)).toBe(true);
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

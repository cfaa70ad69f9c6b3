import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { chromiumAvailable, dashboardWithOneAppointment, fitsTheScreen, launchChromium, signInAsManager } from './chromium.ts';

// The Week and KPI pages in a real headless Chromium at phone width: reached from the
// navigation, tables found by their accessible names, the filter forms used, the
// charts present, and nothing wider than the screen. Skipped like browser.test.ts
// when there is no Chromium outside CI.

const available = chromiumAvailable('tests/dashboard/browser-week.test.ts');
let app: TestApp;
let browser: Browser;
let appointmentId: string;

describe.skipIf(!available)('the Week and KPI pages in Chromium', () => {
  beforeAll(async () => {
    ({ app, appointmentId } = await dashboardWithOneAppointment());
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the week from the navigation, reads a day by resource, and moves to another week', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/ops/sign-in`);
    await signInAsManager(page);
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
    await signInAsManager(page);
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

import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { createSalon } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, PASSWORD } from './support.ts';

// What the browser tests share: Debian's Chromium, a dashboard with a manager and one
// appointment today (Ann Archer's haircut with Dana at 11:00 New York time), and the
// sign-in a person makes with the keyboard.

const CHROMIUM = '/usr/bin/chromium';

/** Without Chromium a browser suite is skipped locally with a message; under CI=true it fails, as .ci/run installs it. */
export function chromiumAvailable(suite: string): boolean {
  const available = existsSync(CHROMIUM) || process.env.CI === 'true';
  if (!available) console.warn(`${suite} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return available;
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });

export interface DashboardDay {
  app: TestApp;
  appointmentId: string;
  customerId: string;
}

export async function dashboardWithOneAppointment(): Promise<DashboardDay> {
  const app = await createTestApp({ clock: '2026-12-02T15:00:00Z', routers: (ctx) => [dashboardMount(ctx)] });
  const db = app.t.db;
  const salon = await createSalon(db);
  await addUser(app, { name: 'Mia', email: 'mia@example.com', role: 'manager' });
  const customer = await db.customer.create({ data: { phone: '+12125550111', name: 'Ann Archer' } });
  const start = new Date('2026-12-02T16:00:00Z');
  const end = new Date('2026-12-02T16:30:00Z');
  const a = await db.appointment.create({ data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: customer.id, startsAt: start, endsAt: end, channel: 'sms', ruleVersion: 1 } });
  await db.reservation.create({ data: { resourceId: salon.staff.dana, appointmentId: a.id, sessionKey: a.id, blockStart: start, blockEnd: end } });
  return { app, appointmentId: a.id, customerId: customer.id };
}

/** Signs in as the manager from the sign-in page the browser is on, and waits for Today. */
export async function signInAsManager(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('mia@example.com');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/ops\/today$/);
}

/** A string, as the tests run under Node's types: evaluated in the page. */
export const fitsTheScreen = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

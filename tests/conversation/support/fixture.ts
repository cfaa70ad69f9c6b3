import type pg from 'pg';
import type { PrismaClient } from '../../../src/db/client.ts';

// Business fixtures for conversation tests, written with Prisma directly (no seed).
// "salon": Bright Salon in New York. Dana works Mon–Fri 9–17, Lee Tue–Sat 10–18,
// both closed Sunday. Haircut (30 min) by both, Color (90 min) by Dana only,
// Consultation (30 min) by Lee with intake questions, one of them conditional.

export interface Fixture {
  businessId: string;
  locationId: string;
  timeZone: string;
  services: Record<'haircut' | 'color' | 'consult', string>;
  staff: Record<'dana' | 'lee', string>;
}

export const CONSULT_QUESTIONS = [
  { id: 'first_visit', type: 'yes_no', prompt: 'Is this your first visit with us?', required: true },
  { id: 'referral', type: 'choice', prompt: 'How did you hear about us?', options: ['Friend', 'Online', 'Walk-by'], required: true, when: { question: 'first_visit', equals: true } },
  { id: 'email', type: 'email', prompt: 'What email should we send details to?', required: false },
  { id: 'hair_length', type: 'number', prompt: 'Roughly how long is your hair, in inches?', required: true, min: 0, max: 60 },
];

export async function createSalon(db: PrismaClient): Promise<Fixture> {
  const tz = 'America/New_York';
  const business = await db.business.create({
    data: {
      name: 'Bright Salon',
      timeZone: tz,
      phone: '+12125550100',
      email: 'hello@brightsalon.example',
      policies: 'Please give 24 hours notice to change or cancel.',
    },
  });
  const location = await db.location.create({ data: { businessId: business.id, name: 'Main St', timeZone: tz, address: '12 Main St, New York, NY' } });
  const dana = await db.resource.create({ data: { locationId: location.id, kind: 'staff', name: 'Dana', timeZone: tz } });
  const lee = await db.resource.create({ data: { locationId: location.id, kind: 'staff', name: 'Lee', timeZone: tz } });
  await db.weeklyHours.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ resourceId: dana.id, weekday, startTime: '09:00', endTime: '17:00' })),
      ...[2, 3, 4, 5, 6].map((weekday) => ({ resourceId: lee.id, weekday, startTime: '10:00', endTime: '18:00' })),
    ],
  });
  const mk = (name: string, slug: string, durationMinutes: number, synonyms: string[], extra: Record<string, unknown> = {}) =>
    db.service.create({ data: { businessId: business.id, name, slug, durationMinutes, synonyms, slotStepMinutes: 30, ...extra } });
  const haircut = await mk('Haircut', 'haircut', 30, ['cut', 'trim', 'hair cut'], { priceCents: 4000 });
  const color = await mk('Color', 'color', 90, ['coloring', 'dye', 'highlights'], { priceCents: 12000 });
  const consult = await mk('Consultation', 'consult', 30, ['consultation', 'consult'], { intakeQuestions: CONSULT_QUESTIONS });
  for (const s of [haircut, color, consult]) await db.serviceRequirement.create({ data: { serviceId: s.id, kind: 'staff' } });
  await db.serviceEligibility.createMany({
    data: [
      { serviceId: haircut.id, resourceId: dana.id },
      { serviceId: haircut.id, resourceId: lee.id },
      { serviceId: color.id, resourceId: dana.id },
      { serviceId: consult.id, resourceId: lee.id },
    ],
  });
  return {
    businessId: business.id,
    locationId: location.id,
    timeZone: tz,
    services: { haircut: haircut.id, color: color.id, consult: consult.id },
    staff: { dana: dana.id, lee: lee.id },
  };
}

/**
 * Children before parents: the business tables and those whose rows point at them
 * (reminder_delivery, calendar_feed, app_user, api_token), so nothing is left behind.
 */
const WIPE_ORDER = [
  'appointment_event', 'reminder_delivery', 'exception', 'reservation', 'hold', 'message', 'outbound_message', 'api_token', 'calendar_feed',
  'appointment', 'conversation', 'app_user', 'customer', 'service_eligibility', 'service_requirement', 'weekly_hours', 'date_override', 'time_off',
  'resource', 'service', 'location', 'business',
];

/** The rows a conversation or a booking writes; the business's configuration comes after them in WIPE_ORDER. */
const ACTIVITY_TABLES = WIPE_ORDER.slice(0, WIPE_ORDER.indexOf('service_eligibility'));

/**
 * Removes what conversations and bookings wrote and keeps the business, so the next
 * dialog starts from the same configuration without creating it again. One round trip
 * (a multi-statement simple query is one implicit transaction): per dialog, wiping and
 * recreating the salon took more time than the dialog's own turns.
 */
export async function wipeActivity(pool: pg.Pool): Promise<void> {
  await pool.query(ACTIVITY_TABLES.map((table) => `DELETE FROM "${table}";`).join('\n'));
}

/**
 * Removes every business row so a test file can start over on the same database.
 * DELETE, not TRUNCATE: a TRUNCATE gives each of these tables new files, about half a
 * second per wipe on a busy server against about 10 ms for deleting a dialog's few rows.
 */
export async function wipe(db: PrismaClient): Promise<void> {
  await db.$transaction(WIPE_ORDER.map((table) => db.$executeRawUnsafe(`DELETE FROM "${table}"`)));
}

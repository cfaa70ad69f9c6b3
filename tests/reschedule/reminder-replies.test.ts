import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueReminders } from '../../src/jobs/reminders.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { bookWith, textingCustomers } from './support.ts';

// Issue 13, "Replies to a reminder (Y/R/C) are understood in context": right after a
// reminder, Y records that the customer is coming, R offers new times for THAT
// appointment, C proposes canceling it (committed only on the customer's yes, through
// the normal guarded flow). Judged on the database. A retried Y acts once; once the
// conversation has moved on, short replies answer the conversation instead.

const T0 = new Date('2026-12-01T14:00:00Z'); // Tue 9:00 New York
let now = T0;
let app: TestApp;
let salon: Fixture;
let customers: ReturnType<typeof textingCustomers>;

beforeAll(async () => {
  app = await createTestApp({ clock: () => new Date(now) });
  salon = await createSalon(app.t.db);
  await app.t.db.service.updateMany({ data: { reminderOffsetsMinutes: [1440] } });
  customers = textingCustomers(app);
});
afterAll(() => app.close());

/** Books a haircut with Dana on Thu Dec 3 at `hourUtc`, then lets the 24-hour reminder go out through the app's notifiers. */
async function remindedAppointment(phone: string, hourUtc: number, also?: string): Promise<string> {
  now = T0;
  if (also) await bookWith(app, salon.staff.dana, salon.services.haircut, phone, also);
  const id = await bookWith(app, salon.staff.dana, salon.services.haircut, phone, `2026-12-03T${hourUtc}:00:00Z`);
  now = new Date(`2026-12-02T${hourUtc}:00:30Z`);
  await runDueReminders(app.ctx, app.ctx.notifiers, now);
  expect(await app.t.db.outboundMessage.count({ where: { appointmentId: id, kind: 'reminder' } })).toBe(1);
  return id;
}

const status = async (id: string) => (await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status;

describe('replies to a reminder', () => {
  it('Y records that the customer is coming, once, also when the reply is retried', async () => {
    const phone = '+12125550701';
    const id = await remindedAppointment(phone, 15);
    const reply = await customers.text(phone, 'Y', 'SM-y-1');
    expect(reply).toBe('Thanks, see you for your Haircut on Thu Dec 3, 10:00 AM with Dana.');
    expect(await customers.text(phone, 'Y', 'SM-y-1')).toBe(reply);
    const recorded = await app.t.db.noticeReply.findMany({ where: { appointmentId: id } });
    expect(recorded.map((r) => r.answer)).toEqual(['Y']);
    expect(await status(id)).toBe('confirmed');
  });

  it('R offers new times for the reminded appointment, and a pick plus yes moves it', async () => {
    const phone = '+12125550702';
    // An earlier appointment too: R means the one reminded of, not "which one?".
    const id = await remindedAppointment(phone, 16, '2026-12-02T20:00:00Z');
    const offers = await customers.text(phone, 'R', 'SM-r-1');
    expect(offers).toMatch(/^Openings for Haircut:\n1\) /);
    expect(await customers.text(phone, '1', 'SM-r-2')).toMatch(/^Move your Haircut from Thu Dec 3, 11:00 AM to .+\? Reply Y to confirm/);
    expect(await customers.text(phone, 'Y', 'SM-r-3')).toMatch(/^Done: your Haircut is now /);
    expect(await status(id)).toBe('canceled');
    expect(await app.t.db.appointment.count({ where: { rescheduledFromId: id, status: 'confirmed' } })).toBe(1);
    // Answering the proposal's Y was the conversation's, not the reminder's: nothing recorded as attending.
    expect(await app.t.db.noticeReply.count({ where: { appointmentId: id } })).toBe(0);
  });

  it('C asks to confirm and cancels only on yes; N keeps it', async () => {
    const phone = '+12125550703';
    const id = await remindedAppointment(phone, 17);
    expect(await customers.text(phone, 'C', 'SM-c-1')).toMatch(/^Cancel your Haircut on Thu Dec 3, 12:00 PM\? Reply Y to confirm or N to keep it\./);
    expect(await status(id)).toBe('confirmed');
    await customers.text(phone, 'N', 'SM-c-2');
    expect(await status(id)).toBe('confirmed');

    const other = '+12125550704';
    const second = await remindedAppointment(other, 18);
    await customers.text(other, 'C', 'SM-c-3');
    await customers.text(other, 'Y', 'SM-c-4');
    expect(await status(second)).toBe('canceled');
  });

  it('anything else, or a reply after the conversation moved on, is the normal conversation', async () => {
    const phone = '+12125550705';
    const id = await remindedAppointment(phone, 19);
    // "2" means nothing after a reminder: the conversation answers, nothing changes.
    await customers.text(phone, '2', 'SM-o-1');
    expect(await status(id)).toBe('confirmed');
    // The conversation has spoken since the reminder: Y is no longer read against it.
    await customers.text(phone, 'Y', 'SM-o-2');
    expect(await app.t.db.noticeReply.count({ where: { appointmentId: id } })).toBe(0);
  });
});

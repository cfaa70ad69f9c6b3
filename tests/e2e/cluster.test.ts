import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCluster, type ClusterReport } from '../../bench/cluster/harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Issue 17: two app processes (src/main.ts, FRONTDESK_WORKERS=off) and two worker
// processes (src/cli/worker.ts) on one database behind a round-robin proxy. SMS
// conversations (each first text delivered twice at once, as a racing Twilio retry),
// concurrent bookings of the same starts through the admin API, and reminders due
// meanwhile: no double booking, one reply per MessageSid, every reminder once.
// The same harness prints figures in `npm run bench -- cluster`.

const BUDGET_MS = 300_000;
let t: TestDatabase;
let report: ClusterReport;

beforeAll(async () => {
  t = await createTestDatabase();
  report = await runCluster({ databaseUrl: t.url, apps: 2, workers: 2, conversations: 6, paceMs: 0, bookingSlots: 2, bookersPerSlot: 5, reminders: 60, budgetMs: BUDGET_MS });
}, 3 * BUDGET_MS);
afterAll(async () => {
  await t?.drop();
});

describe('two app processes and two workers on one database', () => {
  it('both app processes served requests', () => {
    expect(report.proxied).toHaveLength(2);
    expect(report.proxied.every((n) => n > 0)).toBe(true);
  });

  it('books each staff member’s time once: every 201 is a confirmed appointment, the rest are 409s, no overlap', () => {
    expect(report.bookings.unexpected).toEqual([]);
    expect(report.bookings.created).toBeGreaterThan(0);
    expect(report.bookings.refused).toBeGreaterThan(0);
    expect(report.bookings.created + report.bookings.refused).toBe(report.bookings.attempts);
    expect(report.bookedInDb).toBe(report.bookings.created);
    expect(report.doubleBookings).toBe(0);
  });

  it('answers each inbound MessageSid once, also when two processes get it at the same time', () => {
    expect(report.sms.answers.every((a) => a.status === 200)).toBe(true);
    expect(report.replies.inbound).toBe(6 * 5);
    expect(report.replies.duplicates).toBe(0);
    expect(report.replies.missing).toBe(0);
  });

  it('sends every reminder once', () => {
    expect(report.reminders.due).toBe(60);
    expect(report.reminders.byStatus).toEqual({ sent: 60 });
    expect(report.reminders.messages).toBe(60);
    expect(report.reminders.duplicates).toBe(0);
  });

  it('stops every process cleanly on SIGTERM', () => {
    expect(report.exitCodes.map((e) => e.code)).toEqual([0, 0, 0, 0]);
  });
});

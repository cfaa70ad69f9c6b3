import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRescheduleFlows } from '../../src/jobs/reschedule-flows.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { bookWith, textingCustomers } from './support.ts';

// Issue 13, "Reschedule flow when a provider is out": time off added over three booked
// appointments. The dry run names all three before anything is saved; saving starts a
// flow; the job texts each customer numbered new times (counted in the SMS outbox);
// one picks by reply and is rebooked (the database says so, also when Twilio retries
// the reply), one declines, one ignores it and is handed to ops once the configured
// answer time has passed on the injected clock.

const T0 = new Date('2026-12-01T14:00:00Z'); // Tue 9:00 New York
const ANSWER_MINUTES = 240;
const phones = { ann: '+12125550601', ben: '+12125550602', cy: '+12125550603', dee: '+12125550604' };

let now = T0;
let app: TestApp;
let salon: Fixture;
let customers: ReturnType<typeof textingCustomers>;
const appts: Record<keyof typeof phones, string> = { ann: '', ben: '', cy: '', dee: '' };
let flowId = '';

const run = () => runRescheduleFlows({ ...app.ctx, answerMinutes: ANSWER_MINUTES }, now);
const offersIn = async (ids: string[]) =>
  (await app.t.db.outboundMessage.findMany({ where: { appointmentId: { in: ids }, kind: 'notice' }, orderBy: { createdAt: 'asc' } })).map((m) => ({ to: m.to, body: m.body }));
const flow = async () => (await (await app.api(`/api/v1/reschedule-flows/${flowId}`)).json()) as FlowBody;
const providerOut = (appointmentId: string) => app.t.db.exception.findMany({ where: { type: 'provider_out', appointmentId } });

interface FlowBody {
  counts: Record<string, number>;
  appointments: Array<{ appointmentId: string; status: string; options: Array<{ number: number; start: string; label: string; staffName: string | null }>; exceptionId: string | null; rebookedAppointmentId: string | null }>;
}

// Dana is out on Thursday Dec 3, 9:00–17:00 New York.
const timeOff = { startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T22:00:00.000Z' };

beforeAll(async () => {
  app = await createTestApp({ clock: () => new Date(now) });
  salon = await createSalon(app.t.db);
  customers = textingCustomers(app);
  appts.ann = await bookWith(app, salon.staff.dana, salon.services.haircut, phones.ann, '2026-12-03T15:00:00Z'); // Thu 10:00
  appts.ben = await bookWith(app, salon.staff.dana, salon.services.haircut, phones.ben, '2026-12-03T16:00:00Z'); // Thu 11:00
  appts.cy = await bookWith(app, salon.staff.dana, salon.services.haircut, phones.cy, '2026-12-03T19:00:00Z'); // Thu 14:00
  appts.dee = await bookWith(app, salon.staff.dana, salon.services.haircut, phones.dee, '2026-12-04T15:00:00Z'); // Fri: not affected
});
afterAll(() => app.close());

describe('time off over three booked appointments', () => {
  it('the dry run names all three before anything is saved', async () => {
    const res = await app.api('/api/v1/impact', { method: 'POST', json: { resourceId: salon.staff.dana, change: { kind: 'time_off', ...timeOff } } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { affected: Array<{ appointmentId: string; reason: string; customerPhone: string }> };
    expect(body.affected.map((a) => [a.appointmentId, a.reason, a.customerPhone])).toEqual([
      [appts.ann, 'time_off', phones.ann],
      [appts.ben, 'time_off', phones.ben],
      [appts.cy, 'time_off', phones.cy],
    ]);
    expect(await app.t.db.timeOff.count()).toBe(0);
    expect(await app.t.db.rescheduleFlow.count()).toBe(0);
  });

  it('saving the time off starts a flow; the job texts each of the three customers numbered options, once', async () => {
    const res = await app.api('/api/v1/time-off', { method: 'POST', json: { resourceId: salon.staff.dana, ...timeOff, reason: 'sick' } });
    expect(res.status).toBe(201);
    const list = (await (await app.api(`/api/v1/reschedule-flows?resourceId=${salon.staff.dana}`)).json()) as { items: Array<{ id: string; counts: Record<string, number> }> };
    expect(list.items).toHaveLength(1);
    flowId = list.items[0]!.id;
    expect(list.items[0]!.counts.pending).toBe(3);

    expect(await run()).toEqual({ messaged: 3, escalated: 0 });
    expect(await run()).toEqual({ messaged: 0, escalated: 0 });
    const sent = await offersIn(Object.values(appts));
    expect(sent.map((m) => m.to).sort()).toEqual([phones.ann, phones.ben, phones.cy].sort());
    for (const m of sent) {
      expect(m.body).toMatch(/^Bright Salon: Dana can no longer see you for your Haircut on Thu Dec 3/);
      expect(m.body).toMatch(/\n1\) .+\n2\) .+/);
      expect(m.body).toMatch(/or N for none of these/);
      expect(m.body).not.toMatch(/reply (cancel|stop|end|quit)\b/i);
    }

    const progress = await flow();
    expect(progress.counts).toMatchObject({ messaged: 3, pending: 0 });
    for (const a of progress.appointments) {
      // Same provider first, then the others at the location; none on Dana's day off.
      expect(a.options[0]!.staffName).toBe('Dana');
      expect(a.options.some((o) => o.staffName === 'Lee')).toBe(true);
      for (const o of a.options) expect(o.staffName === 'Dana' && o.start >= timeOff.startsAt && o.start < timeOff.endsAt).toBe(false);
    }
  });

  it('a customer who picks by reply is rebooked at that option, once, also when the reply is retried', async () => {
    const offered = (await flow()).appointments.find((a) => a.appointmentId === appts.ann)!.options[1]!;
    const reply = await customers.text(phones.ann, '2', 'SM-ann-1');
    expect(reply).toMatch(/^Done: your Haircut is now /);
    // Twilio retries the same message: the stored reply, nothing moved twice.
    expect(await customers.text(phones.ann, '2', 'SM-ann-1')).toBe(reply);
    const successors = await app.t.db.appointment.findMany({ where: { rescheduledFromId: appts.ann } });
    expect(successors).toHaveLength(1);
    expect(successors[0]!.startsAt.toISOString()).toBe(offered.start);
    expect(successors[0]!.status).toBe('confirmed');
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: appts.ann } })).status).toBe('canceled');
    // A later "2" is an ordinary message now: nothing else moves.
    await customers.text(phones.ann, '2', 'SM-ann-2');
    expect(await app.t.db.appointment.count({ where: { rescheduledFromId: successors[0]!.id } })).toBe(0);
    const ann = (await flow()).appointments.find((a) => a.appointmentId === appts.ann)!;
    expect(ann).toMatchObject({ status: 'rebooked', rebookedAppointmentId: successors[0]!.id });
  });

  it('a customer who answers N is handed to ops with the options offered', async () => {
    expect(await customers.text(phones.ben, 'N', 'SM-ben-1')).toMatch(/Our team will contact you/);
    const [exception] = await providerOut(appts.ben);
    expect(exception).toBeDefined();
    expect((exception!.details as { options: unknown[] }).options.length).toBeGreaterThan(1);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: appts.ben } })).status).toBe('confirmed');
  });

  it('staff offer the customer who declined other times from ops; their "1" moves the appointment once they confirm', async () => {
    const [exception] = await providerOut(appts.ben);
    const admin = { userId: null, role: 'admin' as const, via: 'api' as const, displayName: 'Ops' };
    await app.ctx.ops.execute({ kind: 'offer_times', exceptionId: exception!.id }, admin);
    const audit = await app.t.db.auditEvent.findFirstOrThrow({ where: { entityId: exception!.id, action: 'offered_times' } });
    const [first] = (audit.details as { times: string[] }).times;
    expect(await customers.text(phones.ben, '1', 'SM-ben-2')).toMatch(/^Move your Haircut/);
    expect(await app.t.db.appointment.count({ where: { rescheduledFromId: appts.ben } })).toBe(0);
    await customers.text(phones.ben, 'yes', 'SM-ben-3');
    const successors = await app.t.db.appointment.findMany({ where: { rescheduledFromId: appts.ben } });
    expect(successors.map((a) => [a.startsAt.toISOString(), a.status])).toEqual([[first, 'confirmed']]);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: appts.ben } })).status).toBe('canceled');
  });

  it('a customer who does not answer is handed to ops after the configured time, once', async () => {
    now = new Date(T0.getTime() + (ANSWER_MINUTES - 1) * 60_000);
    expect(await run()).toEqual({ messaged: 0, escalated: 0 });
    expect(await providerOut(appts.cy)).toHaveLength(0);
    now = new Date(T0.getTime() + ANSWER_MINUTES * 60_000);
    expect(await run()).toEqual({ messaged: 0, escalated: 1 });
    expect(await run()).toEqual({ messaged: 0, escalated: 0 });
    const raised = await providerOut(appts.cy);
    expect(raised).toHaveLength(1);
    const details = raised[0]!.details as { options: Array<{ number: number; label: string }>; flowId: string };
    expect(details.flowId).toBe(flowId);
    expect(details.options[0]).toMatchObject({ number: 1, label: expect.stringMatching(/with Dana$/) });

    const progress = await flow();
    expect(progress.counts).toMatchObject({ rebooked: 1, declined: 1, escalated: 1, messaged: 0, pending: 0 });
    expect(progress.appointments.find((a) => a.appointmentId === appts.cy)!.exceptionId).toBe(raised[0]!.id);
    // Dee's Friday appointment was never part of it.
    expect(progress.appointments.map((a) => a.appointmentId)).not.toContain(appts.dee);
    expect(await offersIn([appts.dee])).toEqual([]);
  });
});

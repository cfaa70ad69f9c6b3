import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierRegistry } from '../../src/contract/notifier.ts';
import { NO_SHOW_ACTOR, noShowPromptKey, runNoShows } from '../../src/jobs/no-shows.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { bookHaircut } from './support/book.ts';
import { recordingNotifier } from './support/notifiers.ts';

// No-shows with an injected "now": end + grace → the staff member is asked on Slack
// (once); unanswered for the answer time → settled as the business chose, by the
// system, through the engine (the appointment's trail says so).

const T0 = new Date('2026-12-01T14:00:00Z');
let app: TestApp;
let salon: Fixture;

beforeAll(async () => {
  app = await createTestApp({ clock: () => T0 });
  salon = await createSalon(app.t.db);
  await app.t.db.resource.updateMany({ where: { kind: 'staff', name: 'Dana' }, data: { slackUserId: 'U0DANA' } });
  await app.t.db.resource.updateMany({ where: { kind: 'staff', name: 'Lee' }, data: { slackUserId: 'U0LEE' } });
});
afterAll(() => app.close());

const deps = (slack = recordingNotifier('slack')) => ({ ...app.ctx, notifiers: notifierRegistry([slack]) });

describe('runNoShows', () => {
  it('asks the staff member once after end + grace, then settles the unanswered appointment as the business chose', async () => {
    const id = await bookHaircut(app, salon, '+12125550901', '2026-12-02T15:00:00Z'); // Wed 10:00–10:30 New York
    const { endsAt } = await app.t.db.appointment.findUniqueOrThrow({ where: { id } });
    const slack = recordingNotifier('slack');
    const grace = new Date(endsAt.getTime() + 15 * 60_000);

    expect(await runNoShows(deps(slack), new Date(grace.getTime() - 60_000))).toMatchObject({ prompted: 0, settled: 0 });
    expect(await runNoShows(deps(slack), grace)).toMatchObject({ prompted: 1 });
    expect(await runNoShows(deps(slack), new Date(grace.getTime() + 60_000))).toMatchObject({ prompted: 0 });
    expect(slack.notices).toHaveLength(1);
    const [prompt] = slack.notices;
    const staff = (await app.t.db.reservation.findFirstOrThrow({ where: { appointmentId: id }, select: { resource: { select: { slackUserId: true } } } })).resource.slackUserId;
    expect(prompt).toMatchObject({ kind: 'no_show_prompt', to: { channel: 'slack', address: staff }, idempotencyKey: noShowPromptKey(id), appointment: { id } });
    expect(prompt!.choices!.map((c) => c.label)).toEqual(['Completed', 'No-show']);

    // Unanswered for the answer time (default 120 min): marked completed (the default setting), by the system.
    expect(await runNoShows(deps(slack), new Date(grace.getTime() + 119 * 60_000))).toMatchObject({ settled: 0 });
    expect(await runNoShows(deps(slack), new Date(grace.getTime() + 120 * 60_000))).toMatchObject({ settled: 1 });
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
    const events = await app.t.db.appointmentEvent.findMany({ where: { appointmentId: id }, orderBy: { at: 'asc' } });
    expect(events.at(-1)).toMatchObject({ actorType: NO_SHOW_ACTOR.type, actorId: NO_SHOW_ACTOR.id });
  });

  it('marks no_show when the business says so, and settles without a prompt when staff have no Slack id', async () => {
    await app.t.db.business.updateMany({ data: { noShowUnanswered: 'no_show', noShowGraceMinutes: 5, noShowAnswerMinutes: 30 } });
    await app.t.db.resource.updateMany({ where: { kind: 'staff' }, data: { slackUserId: null } });
    const id = await bookHaircut(app, salon, '+12125550902', '2026-12-03T15:00:00Z');
    const { endsAt } = await app.t.db.appointment.findUniqueOrThrow({ where: { id } });
    const slack = recordingNotifier('slack');
    expect(await runNoShows(deps(slack), new Date(endsAt.getTime() + 5 * 60_000))).toMatchObject({ prompted: 0, unprompted: 1 });
    expect(slack.notices).toEqual([]);
    expect(await runNoShows(deps(slack), new Date(endsAt.getTime() + 35 * 60_000))).toMatchObject({ settled: 1 });
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('no_show');
  });

  it('leaves an appointment staff already answered alone', async () => {
    const id = await bookHaircut(app, salon, '+12125550903', '2026-12-04T15:00:00Z');
    const { endsAt } = await app.t.db.appointment.findUniqueOrThrow({ where: { id } });
    const r = await app.ctx.scheduler.setStatus(id, 'completed', { type: 'user', id: 'someone' });
    expect(r.ok).toBe(true);
    expect(await runNoShows(deps(), new Date(endsAt.getTime() + 2 * 86_400_000))).toMatchObject({ settled: 0 });
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
  });
});

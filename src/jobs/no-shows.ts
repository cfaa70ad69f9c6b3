import { DateTime } from 'luxon';
import type PgBoss from 'pg-boss';
import type { Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { readAppointmentFacts } from '../notices/appointment-facts.ts';
import { QUEUES } from './boss.ts';

// No-shows, run every minute (and callable with any "now", which is how tests drive it).
// An appointment still `confirmed` once its end + the business's grace has passed asks
// its staff member, by Slack DM when they have a Slack user id, whether it took place
// (a no_show_prompt notice with Completed / No-show choices; the Slack channel renders
// the buttons and records the answer). Left unanswered for the business's answer time,
// it is settled as the business chose (no_show or completed) through the engine, so the
// appointment's trail shows the system did it and reporting counts the status.

export interface NoShowDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  scheduler: Scheduler;
  notifiers: Notifiers;
}

export interface NoShowRunResult {
  prompted: number;
  /** Prompts due but not sent: the staff member has no Slack user id, or Slack is not set up. */
  unprompted: number;
  settled: number;
}

/** Who settles unanswered appointments in their trail. */
export const NO_SHOW_ACTOR = { type: 'system', id: 'no-show-job' } as const;

export const noShowPromptKey = (appointmentId: string) => `no_show_prompt:${appointmentId}`;

/** Older appointments were settled by earlier runs, or predate this job: nothing is changed behind anyone's back. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** The longest grace + answer time a business may set (the API bounds both), so the query can bound ends. */
const MAX_WAIT_MINUTES = 7 * 24 * 60;

export function noShowChoices(appointmentId: string) {
  return [
    { label: 'Completed', value: `appointment:completed:${appointmentId}`, style: 'primary' as const },
    { label: 'No-show', value: `appointment:no_show:${appointmentId}`, style: 'danger' as const },
  ];
}

async function staffSlackId(db: PrismaClient, appointmentId: string): Promise<string | null> {
  const r = await db.reservation.findFirst({
    where: { appointmentId, active: true, resource: { kind: 'staff' } },
    select: { resource: { select: { slackUserId: true, user: { select: { slackUserId: true } } } } },
  });
  return r?.resource.slackUserId ?? r?.resource.user?.slackUserId ?? null;
}

export async function runNoShows(deps: NoShowDeps, now: Date = deps.clock()): Promise<NoShowRunResult> {
  const result: NoShowRunResult = { prompted: 0, unprompted: 0, settled: 0 };
  const ended = await deps.db.appointment.findMany({
    where: { status: 'confirmed', endsAt: { lte: now, gt: new Date(now.getTime() - LOOKBACK_MS - MAX_WAIT_MINUTES * 60_000) } },
    select: { id: true, endsAt: true, location: { select: { timeZone: true, business: { select: { noShowGraceMinutes: true, noShowAnswerMinutes: true, noShowUnanswered: true } } } } },
    orderBy: { endsAt: 'asc' },
  });
  const slack = deps.notifiers.forChannel('slack');
  for (const a of ended) {
    const b = a.location.business;
    const askAt = a.endsAt.getTime() + b.noShowGraceMinutes * 60_000;
    const settleAt = askAt + b.noShowAnswerMinutes * 60_000;
    if (now.getTime() < askAt) continue;
    if (now.getTime() >= settleAt) {
      const r = await deps.scheduler.setStatus(a.id, b.noShowUnanswered, NO_SHOW_ACTOR);
      // Refused: someone answered (or canceled) in the meantime; their word stands.
      if (r.ok) result.settled++;
      continue;
    }
    const to = slack ? await staffSlackId(deps.db, a.id) : null;
    const subject = to ? await readAppointmentFacts(deps.db, a.id) : null;
    if (!slack || !to || !subject) {
      result.unprompted++;
      continue;
    }
    const when = DateTime.fromJSDate(subject.facts.startsAt, { zone: subject.facts.timeZone }).toFormat('ccc LLL d, h:mm a');
    const sent = await slack.send({
      kind: 'no_show_prompt',
      to: { channel: 'slack', address: to },
      idempotencyKey: noShowPromptKey(a.id),
      appointment: subject.facts,
      text: `Did ${subject.facts.serviceName} on ${when} take place? Unanswered, it is marked ${b.noShowUnanswered === 'no_show' ? 'no-show' : 'completed'} at ${DateTime.fromMillis(settleAt, { zone: subject.facts.timeZone }).toFormat('h:mm a')}.`,
      choices: noShowChoices(a.id),
    });
    if (!sent.duplicate) result.prompted++;
  }
  return result;
}

export async function startNoShowJob(boss: PgBoss, deps: NoShowDeps): Promise<void> {
  await boss.work(QUEUES.noShows, async () => {
    const r = await runNoShows(deps);
    if (r.prompted || r.settled) deps.log.info({ ...r }, 'no-shows run');
  });
  await boss.schedule(QUEUES.noShows, '* * * * *');
}

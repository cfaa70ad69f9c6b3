import type PgBoss from 'pg-boss';
import type { Notifiers, Recipient } from '../contract/notifier.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import type pg from 'pg';
import { exceptionAlert } from '../ops/alert.ts';
import { announceException, announceStep } from '../ops/announce.ts';
import { recordAudit } from '../ops/audit.ts';
import { QUEUES } from './boss.ts';

// Every exception still waiting for someone is announced once in each ops room
// (SLACK_OPS_CHANNEL, TEAMS_OPS_CHANNEL): an exception_alert notice keyed by the
// exception, sent through the notifier port, which posts each key once
// (src/ops/announce.ts). Exceptions are raised in many places (the conversation inside
// its own transactions, the SMS channel, the API), so rather than hooking each raise, a
// database trigger NOTIFYs "exception_raised" when one commits and
// listenForRaisedExceptions announces it at once. The minute run finds them in the
// table as the backstop (a missed notification, a listener reconnecting, a failed
// post) and for re-raising. It runs every minute
// (runExceptionAlerts is also callable directly, which is how tests drive it). An
// exception still open every SLACK_RERAISE_MINUTES is raised again; the Slack notifier
// posts that in the thread of its first message; the notice names the assignee and each
// channel mentions them its own way (Slack: <@id>); each escalation is an `escalated` step in the exception's audit
// trail, by the system. A step a person takes on an exception anywhere (the admin API,
// the dashboard, Slack, Teams) is told to the other ops rooms the same way: a trigger
// NOTIFYs "exception_step", the listener refreshes each room's alert in place
// (src/ops/announce.ts announceStep), and the minute run is the backstop.

export interface AlertDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  notifiers: Notifiers;
  /** The ops rooms exceptions are posted to (a Slack channel, a Teams channel); nothing is posted without one. */
  opsRooms: Recipient[];
  /** Minutes after which a still-open exception is raised again (in its thread), once per period; 0: never. */
  reraiseMinutes: number;
}

/** Every ops room this installation is configured with; a deployment may use Slack, Teams or both. */
export function opsRoomsOf(config: Pick<Config, 'SLACK_OPS_CHANNEL' | 'TEAMS_OPS_CHANNEL'>): Recipient[] {
  return [
    ...(config.SLACK_OPS_CHANNEL ? [{ channel: 'slack' as const, address: config.SLACK_OPS_CHANNEL }] : []),
    ...(config.TEAMS_OPS_CHANNEL ? [{ channel: 'teams' as const, address: config.TEAMS_OPS_CHANNEL }] : []),
  ];
}

/** Older open exceptions were announced by earlier runs (or predate the channel). */
const LOOKBACK_MS = 24 * 60 * 60 * 1000;

export async function runExceptionAlerts(deps: AlertDeps): Promise<{ sent: number; duplicate: number }> {
  const result = { sent: 0, duplicate: 0 };
  const rooms = deps.opsRooms.flatMap((to) => {
    const notifier = deps.notifiers.forChannel(to.channel);
    return notifier ? [{ to, notifier }] : [];
  });
  if (!rooms.length) return result;
  const open = await deps.db.exception.findMany({
    where: { status: { in: ['open', 'assigned'] }, createdAt: { gte: new Date(deps.clock().getTime() - LOOKBACK_MS) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, createdAt: true, status: true, assignee: { select: { name: true, slackUserId: true, teamsUserId: true } } },
    take: 200,
  });
  const count = (sent: { duplicate: boolean }) => (sent.duplicate ? result.duplicate++ : result.sent++);
  for (const { id, createdAt, status, assignee } of open) {
    for (const announced of await announceException(deps, id)) count(announced);
    const periods = deps.reraiseMinutes ? Math.floor((deps.clock().getTime() - createdAt.getTime()) / (deps.reraiseMinutes * 60_000)) : 0;
    if (periods < 1) continue;
    // One reminder per elapsed period, keyed by it: the latest only, however long the job was down.
    const alert = await exceptionAlert(deps.db, id);
    const minutes = periods * deps.reraiseMinutes;
    let escalatedAnywhere = false;
    for (const { to, notifier } of rooms) {
      const text = `Still ${status} ${minutes} minutes after it was raised: ${alert.text.split('\n')[0]}`;
      // Whom it calls on travels as a person: each channel mentions them its own way.
      const escalated = await notifier.send({ kind: 'exception_alert', to, idempotencyKey: `exception_alert:${id}:still_open:${periods}`, exceptionId: id, text, ...(assignee ? { assignee } : {}) });
      count(escalated);
      escalatedAnywhere ||= !escalated.duplicate;
    }
    if (escalatedAnywhere) {
      await recordAudit(deps.db, { entityType: 'exception', entityId: id, action: 'escalated', actor: { type: 'system', id: 'exception-alerts' }, details: { minutesOpen: minutes, status }, at: deps.clock() });
    }
  }
  return result;
}

/** Steps older than this were told by earlier runs; the listener tells each at once. */
const STEP_LOOKBACK_MS = 60 * 60 * 1000;

/**
 * The backstop for steps people took on exceptions (a missed notification, a failed
 * edit): each recent step is told to every ops room but the one it was taken in
 * (src/ops/announce.ts announceStep), once per step and room however often this runs.
 */
export async function runExceptionStepUpdates(deps: AlertDeps): Promise<{ sent: number; duplicate: number }> {
  const result = { sent: 0, duplicate: 0 };
  if (!deps.opsRooms.some((room) => deps.notifiers.forChannel(room.channel))) return result;
  const steps = await deps.db.auditEvent.findMany({
    where: { entityType: 'exception', actorType: 'user', at: { gte: new Date(deps.clock().getTime() - STEP_LOOKBACK_MS) } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { id: true },
    take: 500,
  });
  for (const { id } of steps) {
    for (const told of await announceStep(deps, id)) {
      if (told.duplicate) result.duplicate++;
      else if (told.status === 'sent') result.sent++;
    }
  }
  return result;
}

export async function startExceptionAlertJob(boss: PgBoss, deps: AlertDeps): Promise<void> {
  if (!deps.opsRooms.length) return;
  await boss.work(QUEUES.exceptionAlerts, async () => {
    const r = await runExceptionAlerts(deps);
    if (r.sent) deps.log.info(r, 'exceptions posted to the ops rooms');
    const steps = await runExceptionStepUpdates(deps);
    if (steps.sent) deps.log.info(steps, 'exception steps told to the ops rooms');
  });
  await boss.schedule(QUEUES.exceptionAlerts, '* * * * *');
}

const CHANNEL = 'exception_raised';
/** A person's step on an exception (migration 20261204010000_exception_step): the payload is its audit row's id. */
const STEP_CHANNEL = 'exception_step';
const RECONNECT_MS = 5_000;

/**
 * Announces each exception as its raising transaction commits (the trigger's NOTIFY),
 * and tells each step a person takes on one as it commits, on one connection of its own. A lost connection is opened again after a pause; what
 * was raised meanwhile is posted by the minute run. Returns the stop function.
 */
export async function listenForRaisedExceptions(pool: pg.Pool, deps: AlertDeps): Promise<() => Promise<void>> {
  if (!deps.opsRooms.some((room) => deps.notifiers.forChannel(room.channel))) return async () => {};
  let client: pg.PoolClient | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const announce = (id: string) =>
    announceException(deps, id).catch((err: unknown) => deps.log.error({ err, exceptionId: id }, 'could not post a raised exception; the minute run will'));
  const tell = (auditEventId: string) =>
    announceStep(deps, auditEventId).catch((err: unknown) => deps.log.error({ err, auditEventId }, 'could not refresh an exception alert after a step; the minute run will'));
  const reconnectLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), RECONNECT_MS);
  };
  async function connect(): Promise<void> {
    const c = await pool.connect();
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) void announce(n.payload);
      if (n.channel === STEP_CHANNEL && n.payload) void tell(n.payload);
    });
    c.on('error', (err) => {
      deps.log.warn({ err }, 'lost the exception_raised listener; reconnecting (the minute run covers the gap)');
      c.release(true);
      if (client === c) client = null;
      reconnectLater();
    });
    await c.query(`LISTEN ${CHANNEL}`);
    await c.query(`LISTEN ${STEP_CHANNEL}`);
    client = c;
  }
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    if (!c) return;
    await c.query(`UNLISTEN *`).catch(() => {});
    c.release();
  };
}

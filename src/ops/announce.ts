import type { NoticeResult, Notifiers, Recipient } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import { exceptionAlert } from './alert.ts';
import { stepLine } from './step-line.ts';

// An exception told to the people who work the queue: one exception_alert notice to
// each ops room (SLACK_OPS_CHANNEL, TEAMS_OPS_CHANNEL), keyed by the exception, so
// however many times it is announced (at raise time, then by the minute job's backstop
// run) it is posted once per room; each channel's notifier keeps the key.

export interface AnnounceDeps {
  db: PrismaClient;
  notifiers: Notifiers;
  /** The ops rooms (a Slack channel, a Teams channel); nothing is announced without one. */
  opsRooms: Recipient[];
}

export const alertKey = (exceptionId: string) => `exception_alert:${exceptionId}`;

const roomsOf = (deps: AnnounceDeps) =>
  deps.opsRooms.flatMap((to) => {
    const notifier = deps.notifiers.forChannel(to.channel);
    return notifier ? [{ to, notifier }] : [];
  });

/** What each room's notifier answered; empty when there is nowhere to announce. */
export async function announceException(deps: AnnounceDeps, exceptionId: string): Promise<NoticeResult[]> {
  const rooms = roomsOf(deps);
  if (!rooms.length) return [];
  const alert = await exceptionAlert(deps.db, exceptionId);
  const results: NoticeResult[] = [];
  for (const { to, notifier } of rooms) {
    results.push(await notifier.send({ kind: 'exception_alert', to, idempotencyKey: alertKey(exceptionId), exceptionId, text: alert.text, choices: alert.choices }));
  }
  return results;
}

export const stepKey = (auditEventId: string) => `exception_update:${auditEventId}`;

/**
 * A step a person took on an exception (one audit row), told to every ops room but the
 * one it was taken in: that room's buttons already edited its alert and said so. Each
 * room refreshes its alert in place to the exception as it is now and says the step in
 * its thread (an exception_update notice, keyed by the step).
 */
export async function announceStep(deps: AnnounceDeps, auditEventId: string): Promise<NoticeResult[]> {
  const row = await deps.db.auditEvent.findUnique({ where: { id: auditEventId } });
  if (!row || row.entityType !== 'exception' || row.actorType !== 'user') return [];
  const { line, via } = await stepLine(deps.db, row);
  const rooms = roomsOf(deps).filter(({ to }) => to.channel !== via);
  if (!rooms.length) return [];
  const alert = await exceptionAlert(deps.db, row.entityId);
  const results: NoticeResult[] = [];
  for (const { to, notifier } of rooms) {
    results.push(await notifier.send({ kind: 'exception_update', to, idempotencyKey: stepKey(row.id), exceptionId: row.entityId, text: alert.text, choices: alert.choices, step: line }));
  }
  return results;
}

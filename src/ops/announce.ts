import type { NoticeResult, Notifiers, Recipient } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import { exceptionAlert } from './alert.ts';

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

/** What each room's notifier answered; empty when there is nowhere to announce. */
export async function announceException(deps: AnnounceDeps, exceptionId: string): Promise<NoticeResult[]> {
  const rooms = deps.opsRooms.flatMap((to) => {
    const notifier = deps.notifiers.forChannel(to.channel);
    return notifier ? [{ to, notifier }] : [];
  });
  if (!rooms.length) return [];
  const alert = await exceptionAlert(deps.db, exceptionId);
  const results: NoticeResult[] = [];
  for (const { to, notifier } of rooms) {
    results.push(await notifier.send({ kind: 'exception_alert', to, idempotencyKey: alertKey(exceptionId), exceptionId, text: alert.text, choices: alert.choices }));
  }
  return results;
}

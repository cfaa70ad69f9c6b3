import type { NoticeResult, Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import { exceptionAlert } from './alert.ts';

// An exception told to the people who work the queue: one exception_alert notice to
// the ops channel (SLACK_OPS_CHANNEL), keyed by the exception, so however many times
// it is announced (at raise time, then by the minute job's backstop run) it is posted
// once; the channel's notifier keeps the key.

export interface AnnounceDeps {
  db: PrismaClient;
  notifiers: Notifiers;
  /** The Slack channel id of the ops channel; nothing is announced without it. */
  opsChannel: string | undefined;
}

export const alertKey = (exceptionId: string) => `exception_alert:${exceptionId}`;

/** Null when there is nowhere to announce (no Slack channel, or no ops channel set). */
export async function announceException(deps: AnnounceDeps, exceptionId: string): Promise<NoticeResult | null> {
  const notifier = deps.notifiers.forChannel('slack');
  if (!notifier || !deps.opsChannel) return null;
  const alert = await exceptionAlert(deps.db, exceptionId);
  return notifier.send({
    kind: 'exception_alert',
    to: { channel: 'slack', address: deps.opsChannel },
    idempotencyKey: alertKey(exceptionId),
    exceptionId,
    text: alert.text,
    choices: alert.choices,
  });
}

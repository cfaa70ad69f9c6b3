import type { ConversationChannel } from '../../contract/conversation.ts';
import { beforeQuietHours, type QuietHours } from './quiet-hours.ts';

// Which of an appointment's reminders have fell due at "now", and what becomes of
// each: pure, so the rules are tested without a database or a clock.
//
// - A reminder is due at start − offset; on SMS, moved before quiet hours.
// - One due before the appointment was booked (or confirmed) is skipped: booking
//   at 14:30 for 15:00 does not trigger the 2-hour reminder, the confirmation covers it.
// - When several are due at once (the job was down, or a booking fell between two
//   offsets), the one closest to the start is sent and the others skipped: one
//   timely reminder, not a burst of stale ones.
// - Once the appointment has started, nothing is sent.
// Every due reminder gets a decision; none is left out.

export interface ReminderSubject {
  startsAt: Date;
  bookedAt: Date;
  offsets: number[];
  channel: ConversationChannel;
  /** The recipient's zone, for quiet hours. */
  timeZone: string;
  quiet: QuietHours;
}

export interface DueReminder {
  offsetMinutes: number;
  dueAt: Date;
  sendAt: Date;
  decision: { status: 'pending' } | { status: 'skipped'; reason: string };
}

export const SKIP_REASONS = {
  beforeBooking: 'due before the appointment was booked (the confirmation covers it)',
  quietBeforeBooking: 'quiet hours moved it before the appointment was booked (the confirmation covers it)',
  superseded: 'superseded: a reminder closer to the start was due at the same time',
  started: 'the appointment had started before the reminder could be sent',
} as const;

/** When the reminder at this offset goes out on this channel. */
export function sendTime(s: Pick<ReminderSubject, 'startsAt' | 'channel' | 'timeZone' | 'quiet'>, offsetMinutes: number): { dueAt: Date; sendAt: Date } {
  const dueAt = new Date(s.startsAt.getTime() - offsetMinutes * 60_000);
  // Quiet hours protect a phone's owner at night; a Slack or Teams DM waits in the app.
  const sendAt = s.channel === 'sms' ? beforeQuietHours(dueAt, s.timeZone, s.quiet) : dueAt;
  return { dueAt, sendAt };
}

/** The reminders due by `now` among those not decided yet (`decided`: offsets already recorded). */
export function dueReminders(s: ReminderSubject, now: Date, decided: ReadonlySet<number> = new Set()): DueReminder[] {
  const due = [...new Set(s.offsets)]
    .filter((o) => o > 0 && !decided.has(o))
    .map((offsetMinutes) => ({ offsetMinutes, ...sendTime(s, offsetMinutes) }))
    .filter((r) => r.sendAt.getTime() <= now.getTime());
  const started = s.startsAt.getTime() <= now.getTime();
  const timely = due.filter((r) => r.sendAt.getTime() >= s.bookedAt.getTime());
  const closest = started || !timely.length ? null : Math.min(...timely.map((r) => r.offsetMinutes));
  return due.map((r) => {
    const skip = (reason: string) => ({ ...r, decision: { status: 'skipped' as const, reason } });
    if (r.sendAt.getTime() < s.bookedAt.getTime()) return skip(r.dueAt.getTime() >= s.bookedAt.getTime() ? SKIP_REASONS.quietBeforeBooking : SKIP_REASONS.beforeBooking);
    if (started) return skip(SKIP_REASONS.started);
    if (r.offsetMinutes !== closest) return skip(SKIP_REASONS.superseded);
    return { ...r, decision: { status: 'pending' as const } };
  });
}

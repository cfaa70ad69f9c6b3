import type { AppointmentFacts, Notice } from '../../contract/notifier.ts';
import { zoneMayDiffer } from './phone.ts';
import { formatWhenWithZone, renderReply } from './render.ts';

// A notice (src/contract/notifier.ts) as one SMS body. What it says about a booking
// comes from the committed appointment it carries; a person's text is used as written,
// under the business's name. Times are in the location's zone, named when the texter
// may live in another one.

/** A notice this channel has no wording for, or one missing what its wording needs: nothing is sent. */
export class UnsupportedNotice extends Error {
  override name = 'UnsupportedNotice';
}

function need<T>(value: T | undefined, notice: Notice, what: string): T {
  if (value === undefined) throw new UnsupportedNotice(`A ${notice.kind} notice needs ${what}.`);
  return value;
}

const when = (a: AppointmentFacts, to: string) => formatWhenWithZone(a.startsAt, a.timeZone, zoneMayDiffer(to, a.contactPhone));
const where = (a: AppointmentFacts) => `${a.locationName}, ${a.locationAddress}`;
const callUs = (a: AppointmentFacts) => (a.contactPhone ? ` Questions? Call ${a.contactPhone}.` : '');

function headline(notice: Notice): string {
  if (notice.kind === 'staff_reply' || notice.kind === 'reschedule_offer') {
    const from = notice.appointment?.businessName ?? need(notice.from, notice, 'whom it is from');
    return `${from}: ${need(notice.text, notice, 'text').trim()}`;
  }
  const a = need(notice.appointment, notice, 'an appointment');
  const on = `${a.serviceName} on ${when(a, notice.to.address)}`;
  switch (notice.kind) {
    case 'reminder':
      // R and C, never a carrier keyword such as CANCEL, which would unsubscribe.
      return `${a.businessName}: reminder of your ${on} at ${where(a)}. Reply R to reschedule or C to cancel.`;
    case 'confirmation':
      return `${a.businessName}: your ${on} at ${where(a)} is ${a.status === 'requested' ? 'requested, not yet confirmed' : 'confirmed'}.${callUs(a)}`;
    case 'cancellation':
      return `${a.businessName}: your ${on} is canceled.${callUs(a)}`;
    default:
      throw new UnsupportedNotice(`SMS has no wording for ${notice.kind} notices.`);
  }
}

/**
 * The calendar link on a line of its own: when the text runs past the segment budget,
 * whole lines are dropped from the end, so the link goes whole or not at all.
 */
const calendarLine = (notice: Notice) => (notice.kind === 'confirmation' && notice.appointment?.calendarUrl ? [`Calendar: ${notice.appointment.calendarUrl}`] : []);

/** The SMS text of a notice, within the channel's segment budget; choices the text does not offer are appended. */
export function renderNotice(notice: Notice): string {
  return renderReply({ messages: [headline(notice), ...calendarLine(notice)], choices: notice.choices });
}

import type { AppointmentFacts, Notice } from '../../contract/notifier.ts';
import { zoneMayDiffer } from './phone.ts';
import { formatWhenWithZone, renderReply } from './render.ts';

// A notice (src/contract/notifier.ts) as one SMS body. What it says about a booking
// comes from the committed appointment it carries; a person's text is used as is.
// Times are in the location's zone, named when the texter may live in another one.

const when = (a: AppointmentFacts, to: string) => formatWhenWithZone(a.startsAt, a.timeZone, zoneMayDiffer(to, a.contactPhone));
const where = (a: AppointmentFacts) => `${a.locationName}, ${a.locationAddress}`;

function headline(notice: Notice): string {
  const a = notice.appointment;
  if (!a) return notice.text ?? '';
  const on = `${a.serviceName} on ${when(a, notice.to.address)}`;
  switch (notice.kind) {
    case 'reminder':
      // R and C, never a carrier keyword such as CANCEL, which would unsubscribe.
      return `${a.businessName}: reminder of your ${on} at ${where(a)}. Reply R to reschedule or C to cancel.`;
    case 'confirmation':
      return `${a.businessName}: your ${on} at ${where(a)} is ${a.status === 'requested' ? 'requested, not yet confirmed' : 'confirmed'}.`;
    case 'cancellation':
      return `${a.businessName}: your ${on} is canceled.`;
    case 'no_show_prompt':
      return `${a.businessName}: we missed you at your ${on}. Reply to book a new time.`;
    default:
      return notice.text ? `${a.businessName}: ${notice.text}` : `${a.businessName}: about your ${on}.`;
  }
}

/** The SMS text of a notice, within the channel's segment budget; choices the text does not offer are appended. */
export function renderNotice(notice: Notice): string {
  return renderReply({ messages: [headline(notice)], choices: notice.choices });
}

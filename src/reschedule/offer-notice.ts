import { DateTime } from 'luxon';
import type { ReplyChoice } from '../contract/conversation.ts';
import type { AppointmentFacts, Notice, Recipient } from '../contract/notifier.ts';
import type { OfferOption } from './db.ts';

// What a reschedule offer says: written from the committed appointment and the
// engine's options, never by a model. The answers are numbers and N, none of them a
// carrier keyword, so replying never unsubscribes anyone.

export const NONE_OF_THESE = 'N';

const KEY_PREFIX = 'reschedule-offer:';
export const offerNoticeKey = (offerId: string) => `${KEY_PREFIX}${offerId}`;
/** The offer a notice key names, or null for another kind of notice. */
export const offerIdOfNoticeKey = (key: string): string | null => (key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : null);

export function optionLabel(option: OfferOption, timeZone: string): string {
  const when = DateTime.fromISO(option.start, { zone: timeZone }).toFormat('ccc LLL d, h:mm a');
  return option.staffName ? `${when} with ${option.staffName}` : when;
}

export function offerChoices(options: OfferOption[], timeZone: string): ReplyChoice[] {
  return [...options.map((o, i) => ({ value: String(i + 1), label: optionLabel(o, timeZone) })), { value: NONE_OF_THESE, label: 'none of these' }];
}

export function offerNotice(input: { offerId: string; to: Recipient; appointment: AppointmentFacts; options: OfferOption[] }): Notice {
  const a = input.appointment;
  const when = DateTime.fromJSDate(a.startsAt, { zone: a.timeZone }).toFormat('ccc LLL d, h:mm a');
  const who = a.staffName ?? 'Your provider';
  return {
    kind: 'reschedule_offer',
    to: input.to,
    idempotencyKey: offerNoticeKey(input.offerId),
    appointment: a,
    from: a.businessName,
    text: `${who} can no longer see you for your ${a.serviceName} on ${when}. Reply with a number for a new time, or N for none of these:`,
    choices: offerChoices(input.options, a.timeZone),
  };
}

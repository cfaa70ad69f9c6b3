import type { AppointmentView } from '../engine/api.ts';
import { raiseException } from '../ops/raise.ts';
import { answerOffer, type OfferAnswer, type OfferResult } from '../reschedule/answer-offer.ts';
import { offerIdOfNoticeKey } from '../reschedule/offer-notice.ts';
import { locationZone, staffName } from './catalog.ts';
import type { TurnEnv } from './env.ts';
import { isOwn } from './ownership.ts';
import { shortId } from './short-id.ts';
import type { AnswerableNotice } from './store.ts';
import { T, formatSlotLabel } from './templates.ts';
import type { Shown, Turn, TurnDeps } from './turn/context.ts';
import { runToolStep } from './turn/run-tool-step.ts';
import { remember, show } from './turn/show.ts';

// A short reply to a notice is read against that notice first: after a reminder,
// Y = attending (recorded), R = reschedule (new times offered here), C = cancel (a
// proposal to confirm, committed by the normal guarded flow); after a reschedule
// offer, 1..n moves the appointment to that option and N passes it to a person.
// It applies only while the notice is the last thing between us: once the
// conversation has said anything since, short replies answer the conversation.
// Carrier words (STOP, CANCEL, …) never get here: the SMS channel handles them first.

const SHORT_REPLY = /^\s*([1-9]|[ycrn])\s*[.!]?\s*$/i;

const SAID = {
  attending: (service: string, when: string) => `Thanks, see you for your ${service} on ${when}.`,
  notLive: 'That appointment is no longer booked. Tell me what you would like to do, or reply HELP.',
  offerPickAgain: (count: number) => `Please reply with a number from 1 to ${count}, or N for none of these.`,
  offerTaken: 'Sorry, that time was just taken. Our team will contact you to find a new time.',
  offerDeclined: 'OK. Our team will contact you to find a time that suits you.',
  offerClosed: 'That offer is closed; our team is looking after your appointment and will contact you.',
} as const;

/** True when the text is short enough to answer a notice (the turn then reads the latest one with its row). */
export function mayAnswerNotice(text: string): boolean {
  return SHORT_REPLY.test(text);
}

/** The reply to a short answer to the sender's latest notice, or null to let the conversation answer. */
export async function answerNoticeReply(deps: TurnDeps, turn: Turn, env: TurnEnv): Promise<Shown | null> {
  const match = SHORT_REPLY.exec(turn.inbound.text);
  if (!match) return null;
  // Read with the turn's row (store.ts readTurn): null when the conversation has spoken since.
  const notice = turn.notice;
  if (!notice?.appointmentId) return null;
  const appt = await deps.scheduler.getAppointment(notice.appointmentId);
  if (!appt || !isOwn(turn.identity, appt)) return null;
  const answer = match[1]!.toUpperCase();
  if (notice.kind === 'reschedule_offer') return answerRescheduleOffer(deps, turn, env, { notice, appt, answer });
  if (notice.kind === 'reminder' && answer !== 'N' && !/\d/.test(answer)) return answerReminder(deps, turn, env, { notice, appt, answer });
  return null;
}

async function answerReminder(deps: TurnDeps, turn: Turn, env: TurnEnv, r: { notice: AnswerableNotice; appt: AppointmentView; answer: string }): Promise<Shown> {
  const { appt, answer } = r;
  const text = turn.inbound.text;
  if (appt.status !== 'confirmed' && appt.status !== 'requested') return remember(turn, text, { messages: [SAID.notLive] });
  if (answer === 'Y') {
    // Once per notice: a second Y is thanked again, not recorded again.
    await turn.tx.noticeReply.createMany({ data: [{ noticeId: r.notice.id, answer: 'Y', appointmentId: appt.id }], skipDuplicates: true });
    const when = formatSlotLabel(appt.start, locationZone(env.catalog, appt.locationId), staffName(env.catalog, appt.resourceIds));
    return remember(turn, text, { messages: [SAID.attending(appt.serviceName, when)] });
  }
  // R and C act on the reminded appointment, through the same tools the model uses.
  const ref = shortId(new Set(Object.keys(env.state.appointmentRefs)));
  env.state.appointmentRefs = { ...env.state.appointmentRefs, [ref]: appt.id };
  const slug = env.catalog.services.find((s) => s.id === appt.serviceId)?.slug ?? appt.serviceId;
  const call =
    answer === 'C'
      ? { id: 'notice_cancel', name: 'cancel_appointment', arguments: JSON.stringify({ appointment_ref: ref }) }
      : {
          id: 'notice_reschedule',
          name: 'find_slots',
          arguments: JSON.stringify({ service: slug, from: null, to: null, exact_time: null, staff: null, appointment_ref: ref, duration_minutes: null, min_capacity: null }),
        };
  const o = await runToolStep(deps, turn, { env, by: 'orchestrator', call });
  return show(turn, o.display ?? { messages: [T.askNewTime(appt.serviceName)], expecting: 'time' }, text);
}

async function answerRescheduleOffer(deps: TurnDeps, turn: Turn, env: TurnEnv, r: { notice: AnswerableNotice; appt: AppointmentView; answer: string }): Promise<Shown | null> {
  const offerId = offerIdOfNoticeKey(r.notice.idempotencyKey);
  if (!offerId || r.answer === 'Y' || r.answer === 'R' || r.answer === 'C') return null;
  const answer: OfferAnswer = r.answer === 'N' ? { none: true } : { pick: Number(r.answer) };
  const result = await answerOffer(
    {
      db: turn.tx,
      scheduler: deps.scheduler,
      now: deps.clock(),
      raise: (e) => raiseException(turn.tx, { ...e, conversationId: turn.conversationId, raisedBy: { type: 'system', id: 'reschedule-flow' } }),
    },
    { offerId, answer, actor: { type: 'customer', id: turn.identity.customerId ?? undefined, channel: turn.message.channel } },
  );
  return remember(turn, turn.inbound.text, { messages: [offerReplyText(env, r.appt, result)] });
}

function offerReplyText(env: TurnEnv, old: AppointmentView, result: OfferResult): string {
  switch (result.kind) {
    case 'rebooked': {
      const a = result.appointment;
      return T.rescheduled(a.serviceName, formatSlotLabel(a.start, locationZone(env.catalog, a.locationId), staffName(env.catalog, a.resourceIds)));
    }
    case 'out_of_range':
      return SAID.offerPickAgain(result.count);
    case 'taken':
      return SAID.offerTaken;
    case 'declined':
      return SAID.offerDeclined;
    case 'already':
      return result.status === 'rebooked' ? `Your ${old.serviceName} was already moved; nothing else changed.` : SAID.offerClosed;
  }
}

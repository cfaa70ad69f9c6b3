import type { Slot } from '../engine/api.ts';
import { labelledOffers } from './offers.ts';
import { shortId } from './short-id.ts';
import { parseState } from './state.ts';
import { lockConversation, type Tx } from './store.ts';

// Times a staff member offered from ops ("Offer new times") become the conversation's
// numbered offers, exactly as if the bot had shown them: the customer's "2" (or "Wed
// 10am") then holds and books that time through the engine, with the usual confirm
// step. A provider_out offer moves the customer's appointment instead of booking anew.

/** Staff offers stay pickable longer than the bot's own: a customer may answer hours later. */
const STAFF_OFFER_HOURS = 24;

export interface StaffOffers {
  conversationId: string;
  serviceId: string;
  /** The slots in the order the customer was shown them, each with the label they read. */
  slots: Array<{ slot: Slot; label: string }>;
  /** The message that showed them, as the customer read it: the model's transcript keeps it. */
  text: string;
  forAppointmentId: string | null;
  at: Date;
}

/** Takes the conversation's lock first: call it before anything else in `tx` writes the conversation row. */
export async function putStaffOffersOnScreen(tx: Tx, input: StaffOffers): Promise<void> {
  await lockConversation(tx, input.conversationId);
  const row = await tx.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { state: true } });
  const state = parseState(row.state);
  const expiresAt = new Date(input.at.getTime() + STAFF_OFFER_HOURS * 3_600_000).toISOString();
  if (input.forAppointmentId && !Object.values(state.appointmentRefs).includes(input.forAppointmentId)) {
    // The move names the appointment by a ref the tools resolve (and check is the sender's own).
    state.appointmentRefs = { ...state.appointmentRefs, [shortId(new Set(Object.keys(state.appointmentRefs)))]: input.forAppointmentId };
  }
  state.offers = labelledOffers({ slots: input.slots, serviceId: input.serviceId, expiresAt, forAppointmentId: input.forAppointmentId });
  // Whatever the bot was asking is superseded by the staff's offer.
  state.proposal = null;
  state.expecting = 'choice';
  state.offersShown = true;
  state.history.push({ role: 'assistant', content: input.text, toolCall: null });
  await tx.$executeRaw`UPDATE conversation SET state = ${JSON.stringify(state)}::jsonb WHERE id = ${input.conversationId}::uuid`;
}

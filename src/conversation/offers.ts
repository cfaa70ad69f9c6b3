import type { Slot } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import { locationZone, staffName, type Catalog } from './catalog.ts';
import { fail, type Display, type ToolOutcome } from './outcome.ts';
import { shortId } from './short-id.ts';
import type { ConversationState, Offer } from './state.ts';
import { T, formatSlotLabel, numbered } from './templates.ts';

// Offers: the numbered times the customer picks from. Only an offer on screen (and not
// expired) can become a proposal, so the model cannot book a time nobody was shown.

const MAX_OFFERS = 4;

/**
 * Spreads the offers over the window; for a named time, takes those nearest to it with the
 * nearest FIRST (the time asked for itself when it is free, so replying "1" books exactly
 * what was asked) and the others after it in time order.
 */
export function pickOffers(slots: Slot[], distance: ((s: Slot) => number) | null): Slot[] {
  const unique = onePerTimeAndPlace(slots).sort((a, b) => a.start.getTime() - b.start.getTime());
  if (distance) {
    const [nearest, ...others] = unique.slice().sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime()).slice(0, MAX_OFFERS);
    return nearest ? [nearest, ...others.sort((a, b) => a.start.getTime() - b.start.getTime())] : [];
  }
  const picked: Slot[] = [];
  for (const s of unique) {
    const last = picked[picked.length - 1];
    if (!last || s.start.getTime() - last.start.getTime() >= 60 * 60_000) picked.push(s);
    if (picked.length === MAX_OFFERS) break;
  }
  for (const s of unique) {
    if (picked.length >= MAX_OFFERS) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** "how late can i come": the latest openings, one per time and place, the last first. */
export function latestOffers(slots: Slot[]): Slot[] {
  return onePerTimeAndPlace(slots)
    .sort((a, b) => b.start.getTime() - a.start.getTime())
    .slice(0, MAX_OFFERS);
}

/** One slot for each start and location: a time is offered once however many could take it. */
function onePerTimeAndPlace(slots: Slot[]): Slot[] {
  return [...new Map(slots.map((s) => [`${s.start.getTime()}:${s.locationId}`, s])).values()];
}

/** The length and room size a search asked for, kept on its offers so the hold and the booking ask the same. */
export type OfferSize = Pick<Offer, 'durationMinutes' | 'minCapacity'>;
export const SERVICE_SIZE: OfferSize = { durationMinutes: null, minCapacity: null };

/** An offer's or proposal's size as the engine takes it. */
export const engineSize = (s: OfferSize) => ({ durationMinutes: s.durationMinutes ?? undefined, minCapacity: s.minCapacity ?? undefined });

/** Numbered offers for these slots: ids short and unique among them, all expiring together. */
export function toOffers(catalog: Catalog, slots: Slot[], serviceId: string, expiresAt: string, forAppointmentId: string | null, size: OfferSize = SERVICE_SIZE): Offer[] {
  return labelledOffers({ slots: slots.map((slot) => ({ slot, label: offerLabel(catalog, slot) })), serviceId, expiresAt, forAppointmentId, size });
}

/** Offers for slots already labelled as the customer reads them. */
export function labelledOffers(input: { slots: Array<{ slot: Slot; label: string }>; serviceId: string; expiresAt: string; forAppointmentId: string | null; size?: OfferSize }): Offer[] {
  const taken = new Set<string>();
  return input.slots.map(({ slot, label }) => {
    const id = shortId(taken);
    taken.add(id);
    return {
      id,
      serviceId: input.serviceId,
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      resourceIds: slot.resourceIds,
      locationId: slot.locationId,
      label,
      expiresAt: input.expiresAt,
      forAppointmentId: input.forAppointmentId,
      ...(input.size ?? SERVICE_SIZE),
    };
  });
}

/** "Tue Dec 1, 3:00 PM with Dana", naming the location too when the business has several. */
function offerLabel(catalog: Catalog, slot: Slot): string {
  const zone = locationZone(catalog, slot.locationId);
  // Locations in different zones: every time carries its own zone, so no single
  // "Times are ET" note can mislabel a Pacific-time slot.
  const mixed = new Set(catalog.locations.map((l) => l.timeZone)).size > 1;
  const label = formatSlotLabel(slot.start, zone, staffName(catalog, slot.resourceIds), mixed);
  const loc = catalog.locations.find((l) => l.id === slot.locationId);
  return catalog.locations.length > 1 && loc ? `${label} (${loc.name})` : label;
}

/** The offers as the customer sees them: a numbered list under `lead`, one button each. */
export function offersDisplay(lead: string, offers: Offer[]): Display {
  return {
    messages: [`${lead}\n${numbered(offers.map((o) => o.label))}\n${T.offersOutro}`],
    choices: offers.map((o, i) => ({ value: String(i + 1), label: o.label })),
    expecting: 'choice',
  };
}

/** The offers as the model reads them. */
export function offersResult(offers: Offer[]): Array<{ number: number; offer_id: string; label: string }> {
  return offers.map((o, i) => ({ number: i + 1, offer_id: o.id, label: o.label }));
}

/** After a conflict: the engine's alternatives become the new numbered offers. */
export function offersFromAlternatives(
  env: { state: ConversationState; catalog: Catalog; clock: Clock; offerMinutes: number },
  serviceId: string,
  alternatives: Slot[],
  lead: string,
  size: OfferSize = SERVICE_SIZE,
): ToolOutcome {
  const chosen = pickOffers(alternatives, null);
  const expiresAt = new Date(env.clock().getTime() + env.offerMinutes * 60_000).toISOString();
  env.state.offers = toOffers(env.catalog, chosen, serviceId, expiresAt, null, size);
  const offers = env.state.offers;
  if (!offers.length) {
    return { failure: false, result: { ok: false, error: { code: 'slot_taken', message: 'That time was just taken and nothing else is open nearby.' } }, display: { messages: [`${lead} ${T.offersOutro.replace(/^Reply with a number, or tell/, 'Tell')}`], expecting: 'time' } };
  }
  return {
    failure: false,
    result: { ok: false, error: { code: 'slot_taken', message: 'That time was just taken; new offers were shown.' }, offers: offersResult(offers) },
    display: offersDisplay(lead, offers),
  };
}

/** The offer the model named, if it is on screen and still open. */
export function liveOffer(env: { state: ConversationState; clock: Clock }, offerId: string): { ok: true; offer: Offer } | { ok: false; outcome: ToolOutcome } {
  const id = offerId.trim().toUpperCase();
  const offer = env.state.offers.find((o) => o.id === id);
  if (!offer) {
    return { ok: false, outcome: fail('unknown_offer', 'Only an offer_id returned by find_slots in this conversation can be used. Call find_slots.') };
  }
  if (new Date(offer.expiresAt) <= env.clock()) {
    return { ok: false, outcome: fail('offer_expired', 'That offer has expired. Call find_slots again.', false) };
  }
  return { ok: true, offer };
}

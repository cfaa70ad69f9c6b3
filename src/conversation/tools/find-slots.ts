import { DateTime } from 'luxon';
import type { AppointmentView, Slot } from '../../engine/api.ts';
import { findService, staffName, type CatalogService } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { raiseException } from '../escalate.ts';
import { latestOffers, offersDisplay, offersResult, pickOffers, toOffers } from '../offers.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { horizonEnd } from '../../engine/time.ts';
import { T, T2 } from '../templates.ts';
import { closedReason } from './closed-hours.ts';
import { dayPassed } from './day-passed.ts';
import type { ToolArgs } from './definitions.ts';
import { ownAppointment } from './own-appointment.ts';
import { searchSlots, slotWall, type FoundSlots } from './slot-search.ts';
import { slotWindow, type SlotWindow } from './slot-window.ts';


/** Numbered offers for a service in the window the customer asked for (or the nearest after it). */
export async function findSlots(env: TurnEnv, args: ToolArgs<'find_slots'>): Promise<ToolOutcome> {
  const now = env.clock();
  const what = await slotSubject(env, args);
  if ('result' in what) return what;
  const passed = dayPassed(env, args);
  if (passed) return passed;
  const window = slotWindow(args, now, env.catalog.business.timeZone);
  if ('result' in window) return window;
  const tooFar = beyondHorizon(env, what.service, window.from.toJSDate());
  if (tooFar) return tooFar;
  // A new search replaces the proposal under way ("a trim instead, same time" while a consult's
  // intake holds that time): its hold is released first, as any hold being released, so it
  // does not hide its own slot.
  discardProposal(env);
  await Promise.all(env.releases);
  const query = {
    service: what.service.id,
    resourceId: what.resourceId,
    language: env.identity.language !== 'en' ? env.identity.language : undefined,
    customerId: env.identity.customerId ?? undefined,
    durationMinutes: args.duration_minutes ?? undefined,
    minCapacity: args.min_capacity ?? undefined,
    movingAppointmentId: what.forAppointment?.id,
  };
  // A move never offers the time it already has, unless it changes who does it ("switch to lee, same time").
  const otherStaff = Boolean(what.resourceId && what.forAppointment && !what.forAppointment.resourceIds.includes(what.resourceId));
  const skip = otherStaff ? null : (what.forAppointment?.start ?? null);
  const asked = await searchSlots(env, query, window, skip);
  if ('result' in asked) return asked;
  const found: FoundSlots & { otherStaff?: boolean } = what.resourceId
    ? await otherStaffIfNotFree(env, { query, window, skip, asked })
    : await sameStaffWhereFree(env, { query, window, skip, asked, moving: what.forAppointment });
  // A window running past the last bookable day, with nothing free before it: the rest is past the horizon, no slot is missing.
  if (found.slots.length === 0) return beyondHorizon(env, what.service, window.to.toJSDate()) ?? noAvailability(env, what.service);
  const distance = nearest(env, window);
  const latest = window.latest && !found.noneInRange;
  const chosen = latest ? latestOffers(found.slots) : pickOffers(found.slots, distance);
  const expiresAt = new Date(now.getTime() + env.offerMinutes * 60_000).toISOString();
  const size = { durationMinutes: args.duration_minutes ?? null, minCapacity: args.min_capacity ?? null };
  const offers = toOffers(env.catalog, chosen, what.service.id, expiresAt, what.forAppointment?.id ?? null, size);
  env.state.offers = offers;
  const closed = closedReason(env.catalog.locations, { from: window.from, to: window.to, at: window.target });
  const intro = latest
    ? T.latestIntro(what.service.name)
    : closed
    ? T2.closedThen(what.service.name, closed)
    : found.otherStaff
    ? T2.staffNotFree(staffName(env.catalog, [what.resourceId!]) ?? 'That staff member', what.service.name)
    : found.noneInRange || missed(chosen, distance)
    ? T.offersNoneInRange(what.service.name)
    : T.offersIntro(what.service.name);
  return {
    failure: false,
    result: { ok: true, service: what.service.slug, none_in_requested_window: found.noneInRange, offers: offersResult(offers), offers_expire_at: expiresAt },
    display: offersDisplay(intro, offers),
  };
}

/**
 * "color with lee friday at 10" when Lee is off then (or does not do color): the other
 * qualified staff's openings in that window, rather than "no openings" or Lee's next free day.
 */
async function otherStaffIfNotFree(
  env: TurnEnv,
  input: { query: Parameters<typeof searchSlots>[1]; window: SlotWindow; skip: Date | null; asked: FoundSlots },
): Promise<FoundSlots & { otherStaff?: boolean }> {
  const { asked } = input;
  if (asked.slots.length && !asked.noneInRange) return asked;
  const others = await searchSlots(env, { ...input.query, resourceId: undefined }, input.window, input.skip);
  if ('result' in others || !others.slots.length || (others.noneInRange && asked.slots.length)) return asked;
  return { ...others, otherStaff: true };
}

/**
 * A move keeps the customer with the staff member they had at every time that one is
 * free: routing alone could hand the same time to someone else.
 */
async function sameStaffWhereFree(
  env: TurnEnv,
  input: { query: Parameters<typeof searchSlots>[1]; window: SlotWindow; skip: Date | null; asked: FoundSlots; moving: AppointmentView | null },
): Promise<FoundSlots> {
  const { asked, moving } = input;
  const staffId = moving?.resourceIds.find((id) => env.catalog.staff.some((s) => s.id === id));
  if (!staffId || !asked.slots.length) return asked;
  const own = await searchSlots(env, { ...input.query, resourceId: staffId }, input.window, input.skip);
  if ('result' in own) return asked;
  const key = (s: Slot) => `${s.start.getTime()}:${s.locationId}`;
  const ownAt = new Map(own.slots.map((s) => [key(s), s]));
  return { ...asked, slots: asked.slots.map((s) => ownAt.get(key(s)) ?? s) };
}

interface SlotSubject {
  service: CatalogService;
  /** Set when the slots are new times for one of the sender's appointments. */
  forAppointment: AppointmentView | null;
  resourceId?: string;
}

/** Which service (or appointment being moved) and which staff member the search is for. */
async function slotSubject(env: TurnEnv, args: ToolArgs<'find_slots'>): Promise<SlotSubject | ToolOutcome> {
  let service = findService(env.catalog, args.service);
  let forAppointment: AppointmentView | null = null;
  if (args.appointment_ref) {
    const own = await ownAppointment(env, args.appointment_ref);
    if (!own.ok) return own.outcome;
    forAppointment = own.appointment;
    service = env.catalog.services.find((s) => s.id === own.appointment.serviceId);
  }
  if (!service) {
    return fail('unknown_service', 'No such service. Use list_services.', true, { services: env.catalog.services.map((s) => s.slug) });
  }
  if (!args.staff) return { service, forAppointment };
  const key = args.staff.trim().toLowerCase();
  const staff = env.catalog.staff.find((s) => s.name.toLowerCase() === key) ?? env.catalog.staff.find((s) => s.name.toLowerCase().split(/\s+/).includes(key));
  if (!staff) return fail('unknown_staff', 'No staff member by that name.', true, { staff: env.catalog.staff.map((s) => s.name) });
  return { service, forAppointment, resourceId: staff.id };
}

/** "cut monday at 2" with 2:00 taken: the nearest offer is not the time named, and the list says so first. */
function missed(chosen: Slot[], distance: ((s: Slot) => number) | null): boolean {
  return distance !== null && chosen[0] !== undefined && distance(chosen[0]) > 0;
}

/** For a named time: how far a slot's local time is from it. */
function nearest(env: TurnEnv, window: SlotWindow): ((s: Slot) => number) | null {
  if (!window.target) return null;
  // Wall-clock times compared as if they were UTC instants, each slot's read once: this
  // ranks the slots in a sort.
  const wallMs = (wall: string) => Date.parse(`${wall}:00Z`);
  const targetWall = wallMs(window.target.toFormat("yyyy-MM-dd'T'HH:mm"));
  const distances = new Map<Slot, number>();
  return (slot) => {
    let d = distances.get(slot);
    if (d === undefined) distances.set(slot, (d = Math.abs(wallMs(slotWall(env, slot)) - targetWall)));
    return d;
  };
}

/**
 * "february 12th" when bookings open 60 days ahead: the customer is told how far ahead the
 * service can be booked. Staff hear nothing: no slot is missing, the day is not open yet.
 */
function beyondHorizon(env: TurnEnv, service: CatalogService, from: Date): ToolOutcome | undefined {
  const zone = env.catalog.business.timeZone;
  const end = horizonEnd(env.clock().getTime(), service.maxHorizonDays, zone);
  if (from.getTime() < end) return undefined;
  env.state.offers = [];
  // The engine's rule: the whole last local day is open, so the customer is told that day.
  const until = DateTime.fromMillis(end - 1, { zone }).toFormat('ccc LLL d');
  return {
    failure: false,
    result: { ok: false, error: { code: 'max_horizon', message: `${service.name} can be booked at most ${service.maxHorizonDays} days ahead (through ${until}).` } },
    display: { messages: [T.beyondHorizon(service.name, service.maxHorizonDays, until)], expecting: null },
  };
}

/** Nothing open in two weeks: staff hear of it, and the customer is offered a person. */
async function noAvailability(env: TurnEnv, service: CatalogService): Promise<ToolOutcome> {
  await raiseException(env.db, {
    type: 'no_slot',
    summary: `No openings for ${service.name} in the next two weeks`,
    conversationId: env.conversationId,
    customerId: env.identity.customerId,
    details: { serviceId: service.id },
  });
  env.state.offers = [];
  return {
    failure: false,
    result: { ok: false, error: { code: 'no_availability', message: 'No openings in the next two weeks; offer a human.' } },
    display: { messages: [T.noAvailability(service.name)], expecting: null },
  };
}

import type {
  Actor,
  AppointmentFilter,
  AppointmentStatus,
  AppointmentView,
  BookRequest,
  BookResult,
  ChangeResult,
  HoldResult,
  RuleName,
  Scheduler,
  Slot,
  SlotQuery,
} from './api.ts';
import { Planner, toSlot, type Combo, type PlanOptions } from './availability.ts';
import type { Clock } from './clock.ts';
import {
  DuplicateIdempotencyKeyError,
  SlotTakenError,
  type AppointmentRecord,
  type Block,
  type ConfigVersions,
  type NewAppointment,
  type NewReservation,
  type SchedulingStore,
  type SchedulingTx,
  type ServiceRecord,
  type Snapshot,
  type SnapshotRequest,
} from './ports.ts';
import { canTransition, isLive } from './status.ts';
import { DAY, MINUTE, localDate, monthsCovering } from './time.ts';

// The Scheduler: availability, holds, booking, reschedule, cancel and status changes.
// Every write re-validates the rules with the same Planner that offers slots: a
// one-to-one booking in one statement guarded by the configuration version it was
// decided on, anything else inside one transaction, serialized where a rule counts
// bookings. The database exclusion constraint decides every race for time.

export interface SchedulerOptions {
  /** Default hold length (FRONTDESK_HOLD_MINUTES). */
  holdMinutes?: number;
  /** Id generator, injectable for tests. */
  newId?: () => string;
}

/** Thrown by findSlots when the query cannot be answered at all (e.g. an unknown service). */
export class RuleViolation extends Error {
  constructor(
    readonly rule: RuleName,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

// Blocks are loaded this far around the times in question so that every local day
// touching them is whole (daily limits, least-busy) whatever the zone's offset.
const MARGIN = 36 * 60 * MINUTE;
const COMMIT_ATTEMPTS = 3;
// Candidates a one-to-one booking tries blind (the constraint refusing taken ones)
// before it reads who is actually free.
const BLIND_ATTEMPTS = 4;
const ALTERNATIVES = 3;
const ALTERNATIVES_BEFORE = 2 * DAY;
const ALTERNATIVES_AFTER = 7 * DAY;

type Failure = { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] } | { ok: false; kind: 'rule'; rule: RuleName; message: string };

// Failures that another provider might not have; a reschedule then lets routing pick.
const PROVIDER_SPECIFIC = new Set<RuleName | 'conflict'>(['conflict', 'not_eligible', 'outside_hours', 'off_grid', 'daily_limit', 'language']);

const rule = (r: RuleName, message: string) => ({ ok: false as const, kind: 'rule' as const, rule: r, message });

export function createScheduler(store: SchedulingStore, clock: Clock, opts: SchedulerOptions = {}): Scheduler {
  const holdMinutes = opts.holdMinutes ?? 10;
  const newId = opts.newId ?? (() => globalThis.crypto.randomUUID());

  function snapshotRequest(service: string, fromMs: number, toMs: number, now: Date, extra: Partial<SnapshotRequest> = {}): SnapshotRequest {
    return {
      service,
      from: new Date(fromMs - MARGIN),
      to: new Date(toMs + MARGIN),
      months: monthsCovering(fromMs, toMs),
      now,
      ...extra,
    };
  }

  function withoutOwner(snapshot: Snapshot, ownerId: string | undefined): Snapshot {
    return ownerId ? { ...snapshot, blocks: snapshot.blocks.filter((b) => b.ownerId !== ownerId) } : snapshot;
  }

  async function alternatives(
    service: string,
    start: number,
    now: Date,
    plan: Omit<PlanOptions, 'now'>,
    customerId: string | undefined,
    ignoreOwner?: string,
  ): Promise<Slot[]> {
    const from = Math.max(start - ALTERNATIVES_BEFORE, now.getTime());
    const to = start + ALTERNATIVES_AFTER;
    if (from >= to) return [];
    const snap = await store.loadSnapshot(snapshotRequest(service, from, to, now, { locationId: plan.locationId, customerId }));
    if (!snap) return [];
    const planner = new Planner(withoutOwner(snap, ignoreOwner), from, to, { ...plan, now: now.getTime() });
    return planner
      .slots(from, to)
      .filter((s) => s.start.getTime() !== start)
      .sort((a, b) => Math.abs(a.start.getTime() - start) - Math.abs(b.start.getTime() - start) || a.start.getTime() - b.start.getTime())
      .slice(0, ALTERNATIVES);
  }

  function reservationsFor(service: ServiceRecord, combo: Combo, start: number, sessionKey: string): NewReservation[] {
    const blockStart = new Date(start - service.bufferBeforeMinutes * MINUTE);
    const blockEnd = new Date(start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE);
    return combo.resourceIds.map((resourceId) => ({ resourceId, sessionKey, blockStart, blockEnd }));
  }

  /**
   * A one-to-one booking decided without reading anyone's bookings: the snapshot has
   * the configuration (possibly the store's cached copy), time off and round-robin
   * counts, and the same Planner picks the first candidate in routing order. The write
   * is guarded by the configuration version, and the exclusion constraint refuses a
   * candidate whose time is taken; the next one in routing order is tried then. Returns
   * null whenever the answer needs bookings: a refusal (confirmed on a full snapshot),
   * a rule that counts bookings, routing by the day's load, or too many taken.
   */
  async function commitBlind<T>(
    serviceKey: string,
    start: number,
    now: Date,
    plan: Omit<PlanOptions, 'now'>,
    customerId: string | undefined,
    ignoreOwner: string | undefined,
    guarded: (versions: ConfigVersions, service: ServiceRecord, combo: Combo) => Promise<T | null>,
  ): Promise<{ ok: true; value: T } | null> {
    const taken: Block[] = [];
    for (let attempt = 0; attempt < BLIND_ATTEMPTS; attempt++) {
      const snap = await store.loadSnapshot(
        snapshotRequest(serviceKey, start, start, now, { locationId: plan.locationId, customerId, withVersions: true, reservations: false }),
      );
      if (!snap?.versions || snap.service.seats > 1 || snap.service.routingStrategy === 'least_busy') return null;
      const view = taken.length ? { ...snap, blocks: [...snap.blocks, ...taken] } : snap;
      const decided = new Planner(withoutOwner(view, ignoreOwner), start - MARGIN, start + MARGIN, { ...plan, now: now.getTime() }).evaluate(start);
      if (!decided.ok || serializationKeys(snap, decided.combo, start).length > 0) return null;
      try {
        const value = await guarded(snap.versions, snap.service, decided.combo);
        if (value !== null) return { ok: true, value };
        // The configuration changed under the decision; the store reloads it for the next one.
      } catch (err) {
        if (!(err instanceof SlotTakenError)) throw err;
        // Someone holds that time: keep the candidate out, as time off would.
        const blockStart = new Date(start - snap.service.bufferBeforeMinutes * MINUTE);
        const blockEnd = new Date(start + (snap.service.durationMinutes + snap.service.bufferAfterMinutes) * MINUTE);
        for (const resourceId of decided.combo.resourceIds) {
          taken.push({ resourceId, start: blockStart, end: blockEnd, sessionKey: null, bookedStart: null, serviceId: null, ownerId: null });
        }
      }
    }
    return null;
  }

  /**
   * Finds a combination for `start` on a fresh snapshot, then locks exactly those
   * resources, re-reads their time under the lock and runs `write` only if the same
   * rules still pass. A race lost between the two reads (or at the constraint) is
   * retried from a fresh snapshot, so "any provider" falls through to the next one.
   */
  async function commitAt<T>(
    serviceKey: string,
    start: number,
    now: Date,
    plan: Omit<PlanOptions, 'now'>,
    customerId: string | undefined,
    ignoreOwner: string | undefined,
    write: (tx: SchedulingTx, service: ServiceRecord, combo: Combo) => Promise<T>,
    beforeLock?: (tx: SchedulingTx) => Promise<Failure | null>,
    guarded?: (versions: ConfigVersions, service: ServiceRecord, combo: Combo) => Promise<T | null>,
  ): Promise<{ ok: true; value: T } | Failure> {
    if (guarded) {
      const blind = await commitBlind(serviceKey, start, now, plan, customerId, ignoreOwner, guarded);
      if (blind) return blind;
    }
    let lastMessage = 'That time is already taken.';
    for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
      const snap = await store.loadSnapshot(
        snapshotRequest(serviceKey, start, start, now, { locationId: plan.locationId, customerId, withVersions: guarded !== undefined }),
      );
      if (!snap) return rule('unknown_service', `No service "${serviceKey}".`);
      const first = new Planner(withoutOwner(snap, ignoreOwner), start - MARGIN, start + MARGIN, { ...plan, now: now.getTime() }).evaluate(start);
      if (!first.ok) {
        if (first.rule !== 'conflict') return rule(first.rule, first.message);
        lastMessage = first.message;
        break;
      }
      const combo = first.combo;
      const keys = serializationKeys(snap, combo, start);
      const versions = snap.versions;
      // No rule here counts bookings: the decision just made is written in one statement
      // that commits only while the configuration it read is unchanged, and the
      // exclusion constraint decides any race for the time.
      if (guarded && versions && keys.length === 0) {
        try {
          const value = await guarded(versions, snap.service, combo);
          if (value !== null) return { ok: true, value };
          // The configuration changed since the snapshot: decide again on fresh data.
        } catch (err) {
          if (!(err instanceof SlotTakenError)) throw err;
        }
        continue;
      }
      try {
        const outcome = await store.transaction(async (tx) => {
          const early = beforeLock ? await beforeLock(tx) : null;
          if (early) return early;
          await tx.prepareResources(combo.resourceIds, now, keys);
          const locked = await tx.loadSnapshot(
            snapshotRequest(snap.service.id, start, start, now, { resourceIds: combo.resourceIds, locationId: combo.locationId, customerId }),
          );
          if (!locked) return rule('unknown_service', `No service "${serviceKey}".`);
          const again = new Planner(withoutOwner(locked, ignoreOwner), start - MARGIN, start + MARGIN, {
            ...plan,
            locationId: combo.locationId,
            now: now.getTime(),
          }).evaluate(start);
          if (!again.ok) return again.rule === 'conflict' || again.rule === 'daily_limit' ? null : rule(again.rule, again.message);
          return { ok: true as const, value: await write(tx, locked.service, again.combo) };
        });
        if (outcome) return outcome;
      } catch (err) {
        if (!(err instanceof SlotTakenError)) throw err;
      }
    }
    return {
      ok: false,
      kind: 'conflict',
      message: lastMessage,
      alternatives: await alternatives(serviceKey, start, now, plan, customerId, ignoreOwner),
    };
  }

  function eventAfter(a: { status: AppointmentStatus; start: Date; end: Date; resourceIds: string[] }) {
    return { status: a.status, start: a.start.toISOString(), end: a.end.toISOString(), resourceIds: a.resourceIds };
  }

  async function requireView(id: string): Promise<AppointmentView> {
    const view = await store.getAppointment(id);
    if (!view) throw new Error(`Appointment ${id} vanished after it was written.`);
    return view;
  }

  async function replay(key: string): Promise<BookResult | null> {
    const existing = await store.findAppointmentByIdempotencyKey(key);
    return existing ? { ok: true, appointment: existing, replayed: true } : null;
  }

  async function bookFromHold(req: BookRequest & { holdId: string }, now: Date): Promise<BookResult> {
    const id = newId();
    const result = await store.transaction(async (tx): Promise<{ ok: true } | Failure> => {
      const hold = await tx.lockHold(req.holdId);
      if (!hold || hold.expiresAt.getTime() <= now.getTime()) {
        return rule('hold_expired', 'The hold on that time has expired or was released; please pick a time again.');
      }
      const snap = await tx.loadSnapshot(
        snapshotRequest(hold.serviceId, hold.start.getTime(), hold.start.getTime(), now, { resourceIds: hold.resourceIds, locationId: hold.locationId }),
      );
      if (!snap) return rule('unknown_service', 'The held service no longer exists.');
      if (!snap.service.active) return rule('inactive_service', `The service "${snap.service.name}" is not bookable.`);
      const a = newAppointment(req, snap.service, now, { id, locationId: hold.locationId, start: hold.start, end: hold.end, customerId: req.customerId ?? hold.customerId });
      const status = a.status;
      await tx.insertAppointment(a, []);
      // One-to-one holds are their own session; the appointment takes the session over.
      const renames = new Map(hold.sessionKeys.filter((k) => k === holdSessionKey(hold.id)).map((k) => [k, id] as const));
      await tx.convertHold(hold.id, id, renames);
      await tx.addEvent({
        appointmentId: id,
        actor: req.actor,
        action: status === 'requested' ? 'requested' : 'booked',
        before: { holdId: hold.id },
        after: eventAfter({ status, start: hold.start, end: hold.end, resourceIds: hold.resourceIds }),
        at: now,
      });
      return { ok: true };
    });
    if (!result.ok) return result;
    return { ok: true, appointment: await requireView(id), replayed: false };
  }

  const scheduler: Scheduler = {
    clock,

    async findSlots(q: SlotQuery): Promise<Slot[]> {
      const now = clock();
      const from = q.from.getTime();
      const to = q.to.getTime();
      if (!(to > from)) return [];
      const snap = await store.loadSnapshot(snapshotRequest(q.service, from, to, now, { locationId: q.locationId, customerId: q.customerId }));
      if (!snap) throw new RuleViolation('unknown_service', `No service "${q.service}".`);
      const planner = new Planner(snap, from, to, {
        now: now.getTime(),
        locationId: q.locationId,
        resourceId: q.resourceId,
        language: q.language,
        postalCode: q.postalCode,
      });
      return planner.slots(from, to, q.limit);
    },

    async hold(req) {
      const now = clock();
      const start = req.start.getTime();
      const id = newId();
      const minutes = req.minutes ?? holdMinutes;
      const expiresAt = new Date(now.getTime() + minutes * MINUTE);
      const plan = { locationId: req.locationId, resourceId: req.resourceId, language: req.language, postalCode: req.postalCode };
      const res = await commitAt(req.service, start, now, plan, req.customerId, undefined, async (tx, service, combo) => {
        const end = start + service.durationMinutes * MINUTE;
        await tx.insertHold(
          {
            id,
            serviceId: service.id,
            locationId: combo.locationId,
            customerId: req.customerId ?? null,
            conversationId: req.conversationId ?? null,
            start: new Date(start),
            end: new Date(end),
            expiresAt,
          },
          reservationsFor(service, combo, start, combo.sessionKey ?? holdSessionKey(id)),
        );
        return toSlot(start, end, combo);
      });
      if (!res.ok) return res as HoldResult;
      return { ok: true, holdId: id, expiresAt, slot: res.value };
    },

    async releaseHold(holdId) {
      await store.deleteHold(holdId);
    },

    async book(req: BookRequest): Promise<BookResult> {
      const now = clock();
      if (req.idempotencyKey) {
        const replayed = await replay(req.idempotencyKey);
        if (replayed) return replayed;
      }
      try {
        if (req.holdId) return await bookFromHold({ ...req, holdId: req.holdId }, now);
        const start = req.start.getTime();
        const id = newId();
        const plan = { locationId: req.locationId, resourceId: req.resourceId, language: req.language, postalCode: req.postalCode };
        const appointment = (service: ServiceRecord, combo: Combo): NewAppointment =>
          newAppointment(req, service, now, {
            id,
            locationId: combo.locationId,
            start: new Date(start),
            end: new Date(start + service.durationMinutes * MINUTE),
            customerId: req.customerId ?? null,
          });
        const event = (a: NewAppointment, combo: Combo) => ({
          appointmentId: id,
          actor: req.actor,
          action: a.status === 'requested' ? 'requested' : 'booked',
          before: null,
          after: eventAfter({ status: a.status, start: a.start, end: a.end, resourceIds: combo.resourceIds }),
          at: now,
        });
        const res = await commitAt<AppointmentView | null>(
          req.service,
          start,
          now,
          plan,
          req.customerId,
          undefined,
          async (tx, service, combo) => {
            const a = appointment(service, combo);
            await tx.insertAppointment(a, reservationsFor(service, combo, start, combo.sessionKey ?? id));
            await tx.addEvent(event(a, combo));
            return null;
          },
          undefined,
          (versions, service, combo) => {
            const a = appointment(service, combo);
            return store.commitGuarded({ versions, now, appointment: a, reservations: reservationsFor(service, combo, start, combo.sessionKey ?? id), event: event(a, combo) });
          },
        );
        if (!res.ok) return res;
        return { ok: true, appointment: res.value ?? (await requireView(id)), replayed: false };
      } catch (err) {
        // Two requests with one key raced; the loser returns the winner's appointment.
        if (err instanceof DuplicateIdempotencyKeyError && req.idempotencyKey) {
          const replayed = await replay(req.idempotencyKey);
          if (replayed) return replayed;
        }
        throw err;
      }
    },

    async reschedule(appointmentId: string, start: Date, actor: Actor, opts: { resourceId?: string } = {}): Promise<ChangeResult> {
      const now = clock();
      const current = await store.getAppointment(appointmentId);
      if (!current) return rule('not_found', `No appointment ${appointmentId}.`);
      if (!isLive(current.status)) return rule('invalid_transition', `A ${current.status} appointment cannot be rescheduled.`);
      const startMs = start.getTime();
      const id = newId();
      const base = { locationId: current.locationId };
      // Keep the same provider when they are free; otherwise routing picks.
      const tries: Array<Omit<PlanOptions, 'now'>> = opts.resourceId
        ? [{ ...base, resourceId: opts.resourceId }]
        : [{ ...base, resourceId: current.resourceIds[0] }, base];
      let outcome: Awaited<ReturnType<typeof commitAt<AppointmentRecord>>> | null = null;
      for (const plan of tries) {
        outcome = await commitAt<AppointmentRecord>(
          current.serviceId,
          startMs,
          now,
          plan,
          current.customerId ?? undefined,
          appointmentId,
          async (tx, service, combo) => {
            const old = (await tx.lockAppointment(appointmentId))!;
            const end = new Date(startMs + service.durationMinutes * MINUTE);
            // One-to-one: the new booking shares the old one's session key, so it may
            // overlap the old time while both exist; the old is released right after.
            const sessionKey = combo.sessionKey ?? old.sessionKeys[0] ?? id;
            await tx.insertAppointment(
              {
                id,
                serviceId: service.id,
                locationId: combo.locationId,
                customerId: old.customerId,
                customer: null,
                requesterUserId: old.requesterUserId,
                start,
                end,
                status: old.status,
                channel: old.channel,
                intake: old.intake,
                attachments: old.attachments,
                notes: old.notes,
                rescheduledFromId: old.id,
                idempotencyKey: null,
                ruleVersion: service.ruleVersion,
                confirmedAt: old.status === 'confirmed' ? now : null,
              },
              reservationsFor(service, combo, startMs, sessionKey),
            );
            await tx.updateAppointment(old.id, { status: 'canceled', canceledAt: now, cancelReason: 'rescheduled', canceledBy: actorLabel(actor), lateCancel: false });
            await tx.releaseReservations(old.id);
            await tx.addEvent({ appointmentId: old.id, actor, action: 'rescheduled', before: eventAfter(old), after: { rescheduledTo: id, status: 'canceled' }, at: now });
            await tx.addEvent({
              appointmentId: id,
              actor,
              action: 'rescheduled_in',
              before: { rescheduledFrom: old.id, ...eventAfter(old) },
              after: eventAfter({ status: old.status, start, end, resourceIds: combo.resourceIds }),
              at: now,
            });
            return old;
          },
          async (tx) => {
            const old = await tx.lockAppointment(appointmentId);
            if (!old) return rule('not_found', `No appointment ${appointmentId}.`);
            if (!isLive(old.status)) return rule('invalid_transition', `A ${old.status} appointment cannot be rescheduled.`);
            return null;
          },
        );
        if (outcome.ok || !PROVIDER_SPECIFIC.has(outcome.kind === 'rule' ? outcome.rule : 'conflict')) break;
      }
      if (!outcome!.ok) return outcome!;
      return { ok: true, appointment: await requireView(id) };
    },

    async cancel(appointmentId: string, actor: Actor, reason?: string) {
      const now = clock();
      const res = await store.transaction(async (tx) => {
        const appt = await tx.lockAppointment(appointmentId);
        if (!appt) return rule('not_found', `No appointment ${appointmentId}.`);
        if (!canTransition(appt.status, 'canceled')) return rule('invalid_transition', `A ${appt.status} appointment cannot be canceled.`);
        const lateCancel = appt.start.getTime() - now.getTime() < appt.cancellationWindowMinutes * MINUTE;
        await tx.updateAppointment(appt.id, { status: 'canceled', canceledAt: now, cancelReason: reason ?? null, canceledBy: actorLabel(actor), lateCancel });
        await tx.releaseReservations(appt.id);
        await tx.addEvent({
          appointmentId: appt.id,
          actor,
          action: 'canceled',
          before: { status: appt.status },
          after: { status: 'canceled', reason: reason ?? null, lateCancel },
          at: now,
        });
        return { ok: true as const, lateCancel };
      });
      if (!res.ok) return res;
      return { ok: true as const, appointment: await requireView(appointmentId), lateCancel: res.lateCancel };
    },

    async setStatus(appointmentId: string, status: AppointmentStatus, actor: Actor): Promise<ChangeResult> {
      if (status === 'canceled') return scheduler.cancel(appointmentId, actor);
      const now = clock();
      const res = await store.transaction(async (tx) => {
        const appt = await tx.lockAppointment(appointmentId);
        if (!appt) return rule('not_found', `No appointment ${appointmentId}.`);
        if (!canTransition(appt.status, status)) {
          return rule('invalid_transition', `An appointment cannot go from ${appt.status} to ${status}.`);
        }
        await tx.updateAppointment(appt.id, status === 'confirmed' ? { status, confirmedAt: now } : { status });
        await tx.addEvent({ appointmentId: appt.id, actor, action: 'status', before: { status: appt.status }, after: { status }, at: now });
        return { ok: true as const };
      });
      if (!res.ok) return res;
      return { ok: true, appointment: await requireView(appointmentId) };
    },

    getAppointment: (id) => store.getAppointment(id),
    getEvents: (id) => store.getEvents(id),
    listAppointments: (filter: AppointmentFilter) => store.listAppointments(filter),
  };
  return scheduler;
}

/**
 * One-to-one bookings need no lock: the exclusion constraint alone decides between two
 * writers of overlapping time. Rules that COUNT bookings (daily limits, seats of a
 * group session) are serialized per resource and local day, so two commits cannot both
 * read "one left" — while bookings on other days or other resources stay parallel.
 */
function serializationKeys(snap: Snapshot, combo: Combo, start: number): string[] {
  const keys: string[] = [];
  for (const id of combo.resourceIds) {
    const r = snap.resources.find((x) => x.id === id);
    if (r && (snap.service.seats > 1 || r.maxDailyBookings !== null)) keys.push(`${id}:${localDate(start, r.timeZone)}`);
  }
  return keys;
}

export function holdSessionKey(holdId: string): string {
  return `hold:${holdId}`;
}

function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

/** The appointment row a booking request becomes; approval (or forceRequested) leaves it `requested`. */
function newAppointment(
  req: BookRequest,
  service: Pick<ServiceRecord, 'id' | 'requiresApproval' | 'ruleVersion'>,
  now: Date,
  at: { id: string; locationId: string; start: Date; end: Date; customerId: string | null },
): NewAppointment {
  const status: AppointmentStatus = service.requiresApproval || req.forceRequested ? 'requested' : 'confirmed';
  return {
    ...at,
    customer: req.customer ?? null,
    serviceId: service.id,
    requesterUserId: req.requesterUserId ?? null,
    status,
    channel: req.channel,
    intake: req.intake ?? {},
    attachments: req.attachments ?? [],
    notes: req.notes ?? null,
    rescheduledFromId: null,
    idempotencyKey: req.idempotencyKey ?? null,
    ruleVersion: service.ruleVersion,
    confirmedAt: status === 'confirmed' ? now : null,
  };
}

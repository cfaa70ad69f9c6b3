import type { Scheduler } from './api.ts';
import type { Clock } from './clock.ts';
import type { SchedulingStore } from './ports.ts';
import { book } from './scheduling/book.ts';
import { cancel } from './scheduling/cancel.ts';
import type { SchedulerContext } from './scheduling/context.ts';
import { findSlots } from './scheduling/find-slots.ts';
import { hold } from './scheduling/hold.ts';
import { reschedule } from './scheduling/reschedule.ts';
import { setStatus } from './scheduling/set-status.ts';

// The Scheduler: availability, holds, booking, reschedule, cancel and status changes.
// Every write re-validates the rules with the same Planner that offers slots: a
// one-to-one booking in one statement guarded by the configuration version it was
// decided on, anything else inside one transaction, serialized where a rule counts
// bookings. The database exclusion constraint decides every race for time.
// Each operation is a module of ./scheduling/; this file only wires them together.

export { RuleViolation } from './scheduling/find-slots.ts';
export { holdSessionKey } from './scheduling/records.ts';

export interface SchedulerOptions {
  /** Default hold length (FRONTDESK_HOLD_MINUTES). */
  holdMinutes?: number;
  /** Id generator, injectable for tests. */
  newId?: () => string;
}

export function createScheduler(store: SchedulingStore, clock: Clock, opts: SchedulerOptions = {}): Scheduler {
  const ctx: SchedulerContext = {
    store,
    clock,
    holdMinutes: opts.holdMinutes ?? 10,
    newId: opts.newId ?? (() => globalThis.crypto.randomUUID()),
  };
  return {
    clock,
    findSlots: (q) => findSlots(ctx, q),
    hold: (req) => hold(ctx, req),
    releaseHold: (holdId) => store.deleteHold(holdId),
    book: (req) => book(ctx, req),
    reschedule: (id, start, actor, o) => reschedule(ctx, id, start, actor, o),
    cancel: (id, actor, reason) => cancel(ctx, id, actor, reason),
    setStatus: (id, status, actor) => setStatus(ctx, id, status, actor),
    getAppointment: (id) => store.getAppointment(id),
    getEvents: (id) => store.getEvents(id),
    listAppointments: (filter) => store.listAppointments(filter),
  };
}

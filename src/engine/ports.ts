import type { Actor, AppointmentEventView, AppointmentFilter, AppointmentStatus, AppointmentView, Channel, CustomerContact } from './api.ts';

// The storage port the engine is handed. The engine decides; the store only loads
// facts with set-based queries and writes what the engine decided. src/db implements it.

export type ResourceKind = 'staff' | 'room' | 'equipment';
export type RoutingStrategy = 'round_robin' | 'least_busy' | 'previous_provider' | 'language_first';

export interface ServiceRecord {
  id: string;
  businessId: string;
  name: string;
  slug: string;
  /** The default length; a requester may choose another within [minDurationMinutes, maxDurationMinutes] (sizing.ts). */
  durationMinutes: number;
  /** Null (with max) when the length is fixed. */
  minDurationMinutes: number | null;
  maxDurationMinutes: number | null;
  /** Chosen lengths are min + k × step. */
  durationStepMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxHorizonDays: number;
  slotStepMinutes: number;
  seats: number;
  requiresApproval: boolean;
  routingStrategy: RoutingStrategy;
  cancellationWindowMinutes: number;
  active: boolean;
  ruleVersion: number;
  requirements: Array<{ kind: ResourceKind; skills: string[] }>;
  /** Resources with an explicit ServiceEligibility row. */
  eligibleResourceIds: string[];
}

export interface LocationRecord {
  id: string;
  timeZone: string;
  postalCodes: string[];
  active: boolean;
}

export interface WeeklyHoursRecord {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: string;
  endTime: string;
}

export interface DateOverrideRecord {
  /** Local calendar date "YYYY-MM-DD" in the resource's zone. */
  date: string;
  startTime: string;
  endTime: string;
}

export interface ResourceRecord {
  id: string;
  locationId: string;
  kind: ResourceKind;
  name: string;
  timeZone: string;
  skills: string[];
  languages: string[];
  capacity: number;
  maxDailyBookings: number | null;
  routingWeight: number;
  active: boolean;
  weeklyHours: WeeklyHoursRecord[];
  overrides: DateOverrideRecord[];
}

/** Time a resource cannot be booked: a live reservation (appointment or unexpired hold) or time off. */
export interface Block {
  resourceId: string;
  /** Blocked range, buffers included, half-open. */
  start: Date;
  end: Date;
  /** Null for time off. */
  sessionKey: string | null;
  /** The booked time without buffers (reservations only); daily limits count by its local day. */
  bookedStart: Date | null;
  serviceId: string | null;
  /** appointment id or hold id that owns the reservation. */
  ownerId: string | null;
}

export interface CustomerFacts {
  id: string;
  language: string;
  postalCode: string | null;
  /** Resources of the customer's past appointments, most recent first. */
  previousResourceIds: string[];
}

/** Everything availability, routing and the commit-time rules need, loaded in one go. */
export interface Snapshot {
  service: ServiceRecord;
  locations: LocationRecord[];
  /** Active resources of the service's required kinds at active locations (eligibility is decided by the engine). */
  resources: ResourceRecord[];
  /** Blocks of those resources overlapping the loaded window. */
  blocks: Block[];
  /** Live appointments of this service per resource and local month "YYYY-MM" (round-robin fairness). */
  monthlyCounts: Map<string, Map<string, number>>;
  customer: CustomerFacts | null;
  /** Present when the request asked for them: what a guarded write compares. */
  versions?: ConfigVersions;
}

/**
 * The version of the scheduling configuration (services, requirements, eligibility,
 * locations, resources, hours, overrides, time off) a snapshot was decided on. The
 * store moves it with every change to any of them; a guarded write commits only while
 * it is unchanged, so a rule validated against the snapshot still holds at commit.
 */
export interface ConfigVersions {
  schedule: string;
}

/** One-to-one booking written in one statement, guarded by the versions its decision read. */
export interface GuardedBooking {
  versions: ConfigVersions;
  /** Holds expired by this instant no longer hold their time: the write removes them from its way. */
  now: Date;
  appointment: NewAppointment;
  reservations: NewReservation[];
  event: EventRecord;
}

/**
 * A booking from a live hold written in one statement: the appointment and its event as
 * decided on the configuration at `versions`, for the hold's service at `start`–`end`.
 * The appointment's location, its customer (when the request named none) and the
 * event's resources are the hold's.
 */
export interface GuardedHoldBooking {
  versions: ConfigVersions;
  /** A hold expired by this instant is no longer bookable. */
  now: Date;
  holdId: string;
  /** The hold's own session key, which becomes the appointment's id. */
  holdSessionKey: string;
  appointment: Omit<NewAppointment, 'locationId'>;
  event: EventRecord;
}

/** booked; expired: the hold is gone or expired; stale: the configuration or the hold is not what the decision read. */
export type HoldBookingOutcome = { outcome: 'booked'; appointment: AppointmentView } | { outcome: 'expired' } | { outcome: 'stale' };

export interface SnapshotRequest {
  /** Service id or slug. */
  service: string;
  /** Blocks are loaded for [from, to). */
  from: Date;
  to: Date;
  /** Restricts the resources loaded (the combination being committed). */
  resourceIds?: string[];
  locationId?: string;
  /** Months "YYYY-MM" whose counts round robin needs. */
  months: string[];
  customerId?: string;
  /** Holds expiring at or before this instant are not blocks. */
  now: Date;
  /** Also report the configuration version (for a guarded write). */
  withVersions?: boolean;
  /**
   * False leaves reservations out of `blocks` (time off stays), but for any the store
   * knows without reading (those it wrote itself lately), which only steer the pick:
   * for a one-to-one decision whose overlap the exclusion constraint will decide. Such
   * a snapshot may come from the store's cache without a round trip, so only a guarded
   * write may act on it, and a refusal must be confirmed on a full snapshot.
   */
  reservations?: boolean;
  /**
   * With reservations false: the start being decided. The reservations the store
   * knows are listed only where a booking of the service at that start (buffers and
   * longest duration included) could meet them: the rest cannot change the pick.
   */
  decidingAt?: Date;
}

export interface NewReservation {
  resourceId: string;
  sessionKey: string;
  blockStart: Date;
  blockEnd: Date;
}

export interface NewAppointment {
  id: string;
  serviceId: string;
  locationId: string;
  customerId: string | null;
  /** Written with the appointment (found by phone or created); its id replaces customerId. */
  customer: CustomerContact | null;
  requesterUserId: string | null;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  channel: Channel;
  intake: Record<string, unknown>;
  attachments: unknown[];
  notes: string | null;
  rescheduledFromId: string | null;
  idempotencyKey: string | null;
  ruleVersion: number;
  confirmedAt: Date | null;
}

export interface NewHold {
  id: string;
  serviceId: string;
  locationId: string;
  customerId: string | null;
  conversationId: string | null;
  start: Date;
  end: Date;
  expiresAt: Date;
}

export interface HoldRecord extends NewHold {
  resourceIds: string[];
  sessionKeys: string[];
}

export interface AppointmentRecord extends AppointmentView {
  sessionKeys: string[];
  cancellationWindowMinutes: number;
  attachments: unknown[];
  notes: string | null;
}

export interface EventRecord {
  appointmentId: string;
  actor: Actor;
  action: string;
  before: unknown;
  after: unknown;
  at: Date;
}

/** Raised by a store write that the database refused because the time is taken (exclusion constraint). */
export class SlotTakenError extends Error {
  /**
   * False when the write was the victim of a lock cycle among writers still in flight
   * (a deadlock): none of them is known to hold the time yet.
   */
  readonly settled: boolean;
  constructor(message = 'The time was taken by another booking.', opts: { settled?: boolean } = {}) {
    super(message);
    this.name = 'SlotTakenError';
    this.settled = opts.settled ?? true;
  }
}

/** Raised when an idempotency key is already used by another appointment. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key ${key} is already used.`);
    this.name = 'DuplicateIdempotencyKeyError';
  }
}

/** The operations available inside one database transaction. */
export interface SchedulingTx {
  /**
   * Deletes expired holds on the resources, so a stale hold never trips the exclusion
   * constraint, then takes the given serialization keys (transaction-scoped, in sorted
   * order so concurrent bookers cannot deadlock). Keys name what a count-based rule
   * reads: "<resourceId>:<local date>" for daily limits and group-session seats.
   */
  prepareResources(resourceIds: string[], now: Date, serializeOn: string[]): Promise<void>;
  loadSnapshot(req: SnapshotRequest): Promise<Snapshot | null>;
  insertAppointment(a: NewAppointment, reservations: NewReservation[]): Promise<void>;
  insertHold(h: NewHold, reservations: NewReservation[]): Promise<void>;
  /** Locks and returns a hold. */
  lockHold(holdId: string): Promise<HoldRecord | null>;
  /** Moves the hold's reservations to the appointment (renaming session keys) and deletes the hold. */
  convertHold(holdId: string, appointmentId: string, sessionKeyRenames: Map<string, string>): Promise<void>;
  /** Locks and returns an appointment. */
  lockAppointment(appointmentId: string): Promise<AppointmentRecord | null>;
  updateAppointment(
    id: string,
    patch: Partial<{
      status: AppointmentStatus;
      confirmedAt: Date;
      canceledAt: Date;
      cancelReason: string | null;
      canceledBy: string;
      lateCancel: boolean;
    }>,
  ): Promise<void>;
  /** Frees the time of an appointment (canceled or moved). */
  releaseReservations(appointmentId: string): Promise<void>;
  addEvent(e: EventRecord): Promise<void>;
}

export interface SchedulingStore {
  loadSnapshot(req: SnapshotRequest): Promise<Snapshot | null>;
  /**
   * Inserts the appointment, its reservations and its event in ONE statement, only if
   * the configuration version is still `versions.schedule`. Returns the appointment,
   * or null when the configuration changed since the snapshot (decide again). Overlap is left to the exclusion
   * constraint: throws SlotTakenError, or DuplicateIdempotencyKeyError.
   */
  commitGuarded(b: GuardedBooking): Promise<AppointmentView | null>;
  /**
   * Turns a live hold into the appointment in ONE statement, only while the hold and the
   * configuration are what the decision read (else writes nothing: expired or stale).
   * Throws DuplicateIdempotencyKeyError for a used key.
   */
  bookHoldGuarded(b: GuardedHoldBooking): Promise<HoldBookingOutcome>;
  /** Runs fn in one transaction; a SlotTakenError thrown inside rolls it back and propagates. */
  transaction<T>(fn: (tx: SchedulingTx) => Promise<T>): Promise<T>;
  findAppointmentByIdempotencyKey(key: string): Promise<AppointmentView | null>;
  getAppointment(id: string): Promise<AppointmentView | null>;
  getEvents(appointmentId: string): Promise<AppointmentEventView[]>;
  listAppointments(filter: AppointmentFilter): Promise<{ items: AppointmentView[]; nextCursor: string | null }>;
  deleteHold(holdId: string): Promise<void>;
}

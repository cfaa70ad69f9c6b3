import type { Clock } from './clock.ts';

// The engine's public surface. Every way of booking (admin HTTP API, the LLM tools,
// Slack, Teams) goes through a Scheduler; nothing else writes appointments.
// Instants are Date (UTC); wall-clock rendering happens at the edges.

export type AppointmentStatus = 'requested' | 'confirmed' | 'completed' | 'canceled' | 'no_show';
export type Channel = 'sms' | 'slack' | 'teams' | 'api' | 'web';

export interface Actor {
  type: 'customer' | 'user' | 'system' | 'model';
  /** Customer id, user id, or a system job name. */
  id?: string;
  channel?: Channel;
}

export interface SlotQuery {
  /** Service id or slug. */
  service: string;
  from: Date;
  to: Date;
  locationId?: string;
  resourceId?: string;
  /** ISO 639-1 code; staff who speak it are preferred or required (see routing). */
  language?: string;
  /** Selects the serving location(s) by territory. */
  postalCode?: string;
  /** Lets routing prefer the customer's previous provider. */
  customerId?: string;
  /** Return at most this many slots (earliest first). */
  limit?: number;
  /** A length of the requester's choosing within the service's range (default: the service's). */
  durationMinutes?: number;
  /** Only rooms holding at least this many people. */
  minCapacity?: number;
  /** The appointment being moved: its own booking never blocks its new times ("an hour earlier" may overlap it). */
  movingAppointmentId?: string;
}

export interface Slot {
  start: Date;
  end: Date;
  /** The resources routing would assign, one per required kind (staff first). */
  resourceIds: string[];
  locationId: string;
  /** Seats still free in this session (1 for one-to-one services). */
  seatsLeft: number;
  /** The location's IANA zone, in which customer-facing times are rendered. */
  timeZone?: string;
}

/** A customer known by phone, to be found or created together with a booking. */
export interface CustomerContact {
  /** E.164. */
  phone: string;
  /** Given to a customer who has no name yet. */
  name?: string;
}

export interface BookRequest {
  service: string;
  start: Date;
  resourceId?: string;
  locationId?: string;
  /** The customer booked for (and whose past providers routing prefers). */
  customerId?: string;
  /**
   * The customer by phone, found or created in the booking's own transaction, so a
   * refused booking creates no customer. Its id wins over `customerId`.
   */
  customer?: CustomerContact;
  requesterUserId?: string;
  channel: Channel;
  intake?: Record<string, unknown>;
  attachments?: unknown[];
  notes?: string;
  /** The same key twice returns the same appointment. */
  idempotencyKey?: string;
  /** Turns this hold into the appointment (the hold's time and resources are used). */
  holdId?: string;
  /** Forces `requested` even when the service needs no approval (e.g. intake incomplete). */
  forceRequested?: boolean;
  /** Staff must speak this language (ISO 639-1), as in SlotQuery.language. */
  language?: string;
  /** Customer's postal code: the location must serve it (territory rule). */
  postalCode?: string;
  /** A length of the requester's choosing within the service's range (default: the service's). */
  durationMinutes?: number;
  /** Only rooms holding at least this many people. */
  minCapacity?: number;
  actor: Actor;
}

export interface AppointmentView {
  id: string;
  serviceId: string;
  serviceName: string;
  locationId: string;
  customerId: string | null;
  /** The app user (Slack/Teams) who requested it for themselves, if any. */
  requesterUserId: string | null;
  status: AppointmentStatus;
  start: Date;
  end: Date;
  resourceIds: string[];
  resourceNames: string[];
  channel: Channel;
  intake: Record<string, unknown>;
  rescheduledFromId: string | null;
  ruleVersion: number;
  /** The location's IANA zone, in which customer-facing times are rendered. */
  timeZone?: string;
  notes?: string | null;
  customerPhone?: string | null;
  customerName?: string | null;
  canceledAt?: Date | null;
  cancelReason?: string | null;
  canceledBy?: string | null;
  lateCancel?: boolean | null;
  createdAt?: Date;
}

export type RuleName =
  | 'unknown_service'
  | 'inactive_service'
  | 'min_notice'
  | 'max_horizon'
  | 'outside_hours'
  | 'not_eligible'
  | 'daily_limit'
  | 'off_grid'
  | 'territory'
  | 'language'
  | 'hold_expired'
  | 'invalid_transition'
  | 'not_found'
  /** The requested length is not one the service admits (sizing.ts). */
  | 'duration'
  /** No room the service uses holds the requested number of people. */
  | 'capacity';

export type BookResult =
  | { ok: true; appointment: AppointmentView; replayed: boolean }
  | { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] }
  | { ok: false; kind: 'rule'; rule: RuleName; message: string };

export type HoldResult =
  | { ok: true; holdId: string; expiresAt: Date; slot: Slot }
  | { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] }
  | { ok: false; kind: 'rule'; rule: RuleName; message: string };

export type ChangeResult =
  | { ok: true; appointment: AppointmentView }
  | { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] }
  | { ok: false; kind: 'rule'; rule: RuleName; message: string };

/** One entry of an appointment's audit trail. */
export interface AppointmentEventView {
  action: string;
  actorType: Actor['type'];
  actorId: string | null;
  channel: Channel | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface AppointmentFilter {
  status?: AppointmentStatus[];
  resourceId?: string;
  customerId?: string;
  customerPhone?: string;
  /** Appointments the app user requested (see AppointmentView.requesterUserId). */
  requesterUserId?: string;
  from?: Date;
  to?: Date;
  /** Cursor pagination: the last id of the previous page. */
  after?: string;
  limit?: number;
}

export interface Scheduler {
  readonly clock: Clock;
  findSlots(q: SlotQuery): Promise<Slot[]>;
  hold(req: Omit<BookRequest, 'holdId' | 'idempotencyKey'> & { conversationId?: string; minutes?: number }): Promise<HoldResult>;
  releaseHold(holdId: string): Promise<void>;
  book(req: BookRequest): Promise<BookResult>;
  reschedule(appointmentId: string, start: Date, actor: Actor, opts?: { resourceId?: string }): Promise<ChangeResult>;
  cancel(appointmentId: string, actor: Actor, reason?: string): Promise<ChangeResult & { lateCancel?: boolean }>;
  setStatus(appointmentId: string, status: AppointmentStatus, actor: Actor): Promise<ChangeResult>;
  getAppointment(appointmentId: string): Promise<AppointmentView | null>;
  /** The appointment's audit trail, oldest first. */
  getEvents(appointmentId: string): Promise<AppointmentEventView[]>;
  listAppointments(filter: AppointmentFilter): Promise<{ items: AppointmentView[]; nextCursor: string | null }>;
}

import type { Config } from '../../config.ts';
import type { AppointmentFacts } from '../../contract/notifier.ts';
import type { ExceptionType, OfferableTime, OpsActor, OpsCommand } from '../../contract/ops.ts';
import type { Logger } from '../../log.ts';

// What the Slack channel needs from the rest of the application, as ports: its own
// storage (src/db/slack implements it) and the ops core. The channel never sees a
// database client nor the ops module itself.

/** A Frontdesk user linked to a Slack user (users.slack_user_id). */
export interface SlackMember {
  userId: string;
  name: string;
  role: OpsActor['role'];
}

/** Where a posted message is: the channel and its ts. */
export interface PostedRef {
  channelId: string;
  ts: string;
}

export interface SlackStore {
  /** Records an Events API delivery; false when this event id was acted on before (a retry). */
  claimEvent(eventId: string): Promise<boolean>;
  memberBySlackId(slackUserId: string): Promise<SlackMember | null>;
  /** Reserves a notice's key before posting; false when it was reserved before (unless that reservation was abandoned mid-post). */
  claimNotice(key: string, channelId: string, exceptionId: string | null): Promise<boolean>;
  /** The message a reserved notice became. */
  notePosted(key: string, ts: string): Promise<void>;
  /** Drops a reservation whose post failed, so a later send tries again. */
  releaseNotice(key: string): Promise<void>;
  postedByKey(key: string): Promise<PostedRef | null>;
  /** The first message posted about an exception (its parent); later alerts about it go in its thread. */
  exceptionParent(exceptionId: string): Promise<PostedRef | null>;
}

/** What an exception's parent message says, as the ops core words it for its status. */
export interface ExceptionCard {
  id: string;
  /** Plain text: who, what, when, channel, the last customer messages, the status. */
  text: string;
  /** The commands its status and type allow now (value: `ops:<kind>:<id>`). */
  choices: Array<{ value: string; label: string; style?: 'primary' | 'danger' }>;
}

export type OpsResult = { ok: true; card: ExceptionCard } | { ok: false; message: string };

/** The open queue at a glance, for App Home. */
export interface QueueSummary {
  counts: Array<{ type: ExceptionType; count: number }>;
  oldest: Array<{ id: string; type: ExceptionType; summary: string; status: string; createdAt: Date }>;
}

/** The ops core as Slack uses it: commands with the permission checks, and the card to show. */
export interface SlackOps {
  /** Never throws: a refusal or an unexpected failure (logged by the port) comes back as a message for the presser. */
  execute(command: OpsCommand, actor: OpsActor): Promise<OpsResult>;
  /** Null when the actor's role does not work the queue. */
  openSummary(actor: OpsActor): Promise<QueueSummary | null>;
  /** The engine's free times for the exception's request, or the core's refusal. */
  timesToOffer(exceptionId: string, actor: OpsActor): Promise<{ ok: true; serviceName: string; times: OfferableTime[] } | { ok: false; message: string }>;
}

export type AppointmentOutcome = 'completed' | 'no_show';

/** Done (changed false: it already was so, e.g. a second press), or refused with a message for the presser. */
export type AppointmentAnswer = { ok: true; facts: AppointmentFacts; changed: boolean } | { ok: false; message: string };

/** Appointments as a Slack user works them, through the engine with the permission matrix's checks. */
export interface SlackAppointments {
  /** The upcoming bookings (requested or confirmed) this Slack user made, soonest first. */
  upcomingFor(slackUserId: string): Promise<AppointmentFacts[]>;
  /** For a user linked to a staff resource: today's appointments (requested or confirmed) they provide, in the business's day; null for anyone else. */
  scheduleToday(slackUserId: string): Promise<AppointmentFacts[] | null>;
  /** Cancels one of the actor's own bookings or one on their staff resource (any, for a manager or admin). */
  cancel(p: { appointmentId: string; actor: OpsActor }): Promise<AppointmentAnswer>;
  /** Records how an appointment that started went; only its staff member or a manager+ may. */
  recordOutcome(p: { appointmentId: string; outcome: AppointmentOutcome; actor: OpsActor }): Promise<AppointmentAnswer>;
  /** For the staff member of an appointment (or a manager): the engine's free times it can move to, its own provider first. */
  timesToMove(p: { appointmentId: string; actor: OpsActor }): Promise<{ ok: true; facts: AppointmentFacts; times: MoveTime[] } | { ok: false; message: string }>;
  /** Moves it through the engine and tells the customer on their channel; a time taken meanwhile is refused with fresh times. */
  rescheduleAsStaff(p: { appointmentId: string; start: Date; resourceId: string; actor: OpsActor }): Promise<MoveAnswer>;
}

/** A time an appointment can move to, on which provider. */
export interface MoveTime {
  /** ISO instant. */
  start: string;
  resourceId: string;
  label: string;
}

/** Moved (`facts`: the appointment now booked, `from`: the one it replaced), or refused; a refused time comes with the appointment and fresh times. */
export type MoveAnswer = { ok: true; facts: AppointmentFacts; from: AppointmentFacts } | { ok: false; message: string; fresh?: { facts: AppointmentFacts; times: MoveTime[] } };

/** Confirmations of what a Slack user just booked, sent by DM through the Slack notifier. */
export interface SlackConfirmations {
  /** After a booking turn: DMs the confirmation of each confirmed booking this user just made, once per booking however often asked. */
  sendFor(slackUserId: string): Promise<void>;
  /** After the booking form: DMs this booking's confirmation (once); false when it has none (a request waiting for approval) or it could not go out. */
  sendOne(appointmentId: string): Promise<boolean>;
}

export interface SlackDeps {
  config: Config;
  log: Logger;
  store: SlackStore;
  ops: SlackOps;
  appointments: SlackAppointments;
  confirmations: SlackConfirmations;
}

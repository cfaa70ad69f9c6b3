// The ops contract: what can go wrong that a person must look at, and the commands
// any surface (an API call, a Slack or Teams button, the ops page) can issue about it.
// One list, used by whoever raises an exception and whoever works it.

export const EXCEPTION_TYPES = [
  'no_slot',
  'intake_incomplete',
  'provider_out',
  'approval_needed',
  'message_failed',
  'human_requested',
  'opted_out_upcoming',
  // An outbound webhook subscriber kept failing and was disabled (src/webhooks).
  'webhook_failing',
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/** What each type is called where people read it (alerts, App Home). */
export const EXCEPTION_TITLES: Record<ExceptionType, string> = {
  no_slot: 'No slot found',
  intake_incomplete: 'Intake incomplete',
  provider_out: 'Provider out',
  approval_needed: 'Approval needed',
  message_failed: 'Message not delivered',
  human_requested: 'Customer asked for a person',
  opted_out_upcoming: 'Opted out with an upcoming appointment',
  webhook_failing: 'Webhook subscriber disabled',
};

/** open → assigned → resolved, or dismissed from open or assigned. */
export const EXCEPTION_STATUSES = ['open', 'assigned', 'resolved', 'dismissed'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export type OpsCommand =
  | { kind: 'take'; exceptionId: string }
  | { kind: 'assign'; exceptionId: string; assigneeUserId: string }
  | { kind: 'resolve'; exceptionId: string; reason: string }
  | { kind: 'dismiss'; exceptionId: string; reason: string }
  | { kind: 'approve'; exceptionId: string }
  | { kind: 'decline'; exceptionId: string; reason: string }
  /** Sends the customer free times (ISO instants the engine offered for their request); without `times`, the first few it finds. */
  | { kind: 'offer_times'; exceptionId: string; times?: string[] }
  | { kind: 'reply'; exceptionId: string; text: string }
  | { kind: 'release'; exceptionId: string };

export type OpsCommandKind = OpsCommand['kind'];

/** What a command did, said after the presser's name in a channel's thread ("Dana took this."). */
export const OPS_DONE: Record<Exclude<OpsCommandKind, 'release'>, string> = {
  offer_times: 'offered the customer new times',
  assign: 'assigned this to',
  take: 'took this',
  approve: 'approved this',
  decline: 'declined this',
  resolve: 'resolved this',
  dismiss: 'dismissed this',
  reply: 'replied to the customer',
};

/** A chat button closes an exception without a typed reason; the audit trail still says who and where. */
export function buttonReason(kind: 'resolve' | 'dismiss' | 'decline', surface: 'Slack' | 'Teams', who: string): string {
  const verb = { resolve: 'Resolved', dismiss: 'Dismissed', decline: 'Declined' }[kind];
  return `${verb} in ${surface} by ${who}`;
}

/** Who issues a command, as the surface authenticated them. */
export interface OpsActor {
  /** The Frontdesk user; null for the bootstrap admin token. */
  userId: string | null;
  role: 'admin' | 'manager' | 'staff' | 'viewer';
  via: 'api' | 'slack' | 'teams' | 'web';
  /** For thread replies and the audit trail ("Dana took this"). */
  displayName: string;
}

/** A time the engine can offer a customer for an exception's request (Offer new times). */
export interface OfferableTime {
  /** ISO instant: what an offer_times command carries. */
  start: string;
  /** "Wed Dec 2, 10:00 AM with Dana", in the location's zone. */
  label: string;
}

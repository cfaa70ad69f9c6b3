import type { ConversationChannel, ReplyChoice } from './conversation.ts';

// The notifier port: how jobs, ops and the admin API tell a person something on the
// channel that person uses, without knowing any channel. Each channel implements
// Notifier and renders a Notice its own way (SMS text within its segment budget, Slack
// blocks, a Teams card); what the notice says about a booking comes from the committed
// record carried here, never from model text.

/** A person (or an ops room) on one channel, addressed the way that channel addresses them. */
export interface Recipient {
  channel: ConversationChannel;
  /** E.164 phone for SMS, a Slack user or channel id, a Teams user or conversation id. */
  address: string;
}

export type NoticeKind =
  | 'confirmation'
  | 'reminder'
  | 'cancellation'
  | 'reschedule_offer'
  | 'staff_reply'
  | 'exception_alert'
  /** An exception was worked somewhere: its alert is refreshed in place and the step said in its thread. */
  | 'exception_update'
  | 'no_show_prompt';

/** What a notice says about an appointment, read from the committed record. */
export interface AppointmentFacts {
  id: string;
  status: string;
  serviceName: string;
  startsAt: Date;
  endsAt: Date;
  /** The location's IANA zone: times are shown in it. */
  timeZone: string;
  locationName: string;
  locationAddress: string;
  /** The location's or business's phone, for "call us" lines. */
  contactPhone: string | null;
  businessName: string;
  staffName: string | null;
  /** An "add to calendar" link (.ics) for channels that can show a link; set on confirmations when the installation has a public URL. */
  calendarUrl?: string;
}

/** A Frontdesk user a notice calls on (an exception's assignee): each channel names them its own way. */
export interface NoticePerson {
  name: string;
  /** Their ids on the chat channels, when linked: a Slack notice mentions them as <@id>. */
  slackUserId: string | null;
  teamsUserId: string | null;
}

export interface Notice {
  kind: NoticeKind;
  to: Recipient;
  /** A notice is delivered at most once per key, however often it is sent (retries, two workers, a restart). */
  idempotencyKey: string;
  appointment?: AppointmentFacts;
  /** Free text written by a person (a staff reply); rendered as is, never by a model. */
  text?: string;
  /** Whom a person's text is sent as (the business's name), so the reader knows who writes. */
  from?: string;
  /** Answers the recipient can give ("1", "Y"), or buttons on channels that have them. */
  choices?: ReplyChoice[];
  /** The exception an exception_alert or exception_update is about: channels that edit their alert in place key it by this. */
  exceptionId?: string;
  /** Whom an exception_alert calls on (its assignee); the channel renders the mention, the text never carries one. */
  assignee?: NoticePerson;
  /** exception_update: who did what, where ("Mia resolved this in the admin API: duplicate"); `text` and `choices` are the alert as it is now. */
  step?: string;
}

export type NoticeStatus =
  /** Accepted by the provider for delivery. */
  | 'sent'
  /** Kept in the local outbox: no provider is configured for this channel. */
  | 'outbox'
  /** Waiting to be handed to the provider (a sender picks it up, also after a crash). */
  | 'queued'
  /** Not sent on purpose (opted out, quiet hours passed the appointment, …). */
  | 'suppressed'
  | 'failed';

export interface NoticeResult {
  messageId: string;
  status: NoticeStatus;
  /** True when this key was sent before: nothing new was sent now. */
  duplicate: boolean;
}

/** One notice of a batch: what became of it, or why it could not be sent (it may be sent again later). */
export type NoticeOutcome = { result: NoticeResult } | { error: unknown };

export interface Notifier {
  readonly channel: ConversationChannel;
  send(notice: Notice): Promise<NoticeResult>;
  /**
   * Many notices at once, each with the same guarantees as send (once per key), in a
   * few round trips where the channel can batch its own bookkeeping (the SMS outbox);
   * outcomes in the order of the notices. Optional: callers send one by one without it.
   */
  sendMany?(notices: Notice[]): Promise<NoticeOutcome[]>;
}

/** The notifiers of the channels this installation runs; a channel without one cannot be notified. */
export interface Notifiers {
  forChannel(channel: ConversationChannel): Notifier | undefined;
}

export function notifierRegistry(notifiers: Notifier[]): Notifiers {
  const byChannel = new Map(notifiers.map((n) => [n.channel, n]));
  return { forChannel: (channel) => byChannel.get(channel) };
}

// What every channel hands the orchestrator and gets back. Channels render
// OutboundReply in their own way (SMS text, Slack blocks, Teams cards); the
// orchestrator knows nothing of them.

export type ConversationChannel = 'sms' | 'slack' | 'teams' | 'web';

export interface InboundAttachment {
  url: string;
  contentType: string;
}

export interface InboundMessage {
  channel: ConversationChannel;
  /**
   * Who is writing, as the authenticated channel established it: an E.164 phone
   * for SMS, a Slack or Teams user id. Never taken from message text or model output.
   */
  senderIdentity: string;
  text: string;
  attachments?: InboundAttachment[];
  /** Provider message id (Twilio MessageSid, Slack event id): a retry with the same id is answered once. */
  externalId?: string;
  /** A button press carries the choice value instead of (or besides) text. */
  choiceValue?: string;
  receivedAt?: Date;
}

export interface ReplyChoice {
  /** What the customer can type ("1", "yes") or a button's value. */
  value: string;
  label: string;
  /** Destructive choices (cancel) get a confirm step on channels with buttons. */
  style?: 'primary' | 'danger';
}

export interface OutboundReply {
  conversationId: string;
  messages: string[];
  choices?: ReplyChoice[];
  /** True when the conversation was handed to a human. */
  handedOff?: boolean;
  /** The location whose times the reply shows, when known: channels name its zone where the reader's may differ. */
  locationId?: string;
}

export interface Orchestrator {
  handle(message: InboundMessage): Promise<OutboundReply>;
  /**
   * The sender left the channel (an SMS opt-out): drop what the conversation holds open
   * (a proposed time and its hold, offered times) so nothing waits on an answer that
   * cannot come. Bookings stay.
   */
  end(sender: Pick<InboundMessage, 'channel' | 'senderIdentity'>, reason: string): Promise<void>;
}

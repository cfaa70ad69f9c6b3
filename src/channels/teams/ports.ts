import type { Config } from '../../config.ts';
import type { OpsActor, OpsCommand } from '../../contract/ops.ts';
import type { Logger } from '../../log.ts';

// What the Teams channel needs from the rest of the application, as ports: its own
// storage (src/db/teams implements it) and the ops core. The channel never sees a
// database client nor the ops module itself.

/** A Frontdesk user linked to a Teams user (users.teams_user_id, the Entra object id). */
export interface TeamsMember {
  userId: string;
  name: string;
  role: OpsActor['role'];
}

/**
 * Where a Teams conversation is, as the Bot Connector told us in an activity: what a
 * proactive message needs (the SDK's ConversationReference, stored as JSON).
 */
export interface StoredReference {
  conversationId: string;
  /** 'personal', 'channel' or 'groupChat'. */
  conversationType: string;
  /** The Entra object id of the user of a personal chat; null for channels and group chats. */
  userAadObjectId: string | null;
  reference: Record<string, unknown>;
}

/** Where a sent activity is: its conversation and activity id. */
export interface SentRef {
  conversationId: string;
  activityId: string;
}

export interface TeamsStore {
  /** Records an activity (conversation id + activity id); false when it was acted on before (a redelivery). */
  claimActivity(key: string): Promise<boolean>;
  memberByTeamsId(aadObjectId: string): Promise<TeamsMember | null>;
  rememberConversation(ref: StoredReference): Promise<void>;
  conversation(conversationId: string): Promise<StoredReference | null>;
  /** The personal chat with a user, where notices to them go. */
  personalConversation(aadObjectId: string): Promise<StoredReference | null>;
  /** Any conversation the bot has seen, for its service URL when a channel was never seen itself. */
  anyConversation(): Promise<StoredReference | null>;
  /** Reserves a notice's key before sending; false when it was reserved before (unless that reservation was abandoned mid-send). */
  claimNotice(key: string, conversationId: string, exceptionId: string | null): Promise<boolean>;
  notePosted(key: string, activityId: string): Promise<void>;
  /** Drops a reservation whose send failed, so a later send tries again. */
  releaseNotice(key: string): Promise<void>;
  postedByKey(key: string): Promise<SentRef | null>;
  /** The first card sent about an exception to a conversation; later alerts about it go in its thread. */
  exceptionCard(exceptionId: string, conversationId: string): Promise<SentRef | null>;
}

/** What an exception's card says, as the ops core words it for its status. */
export interface ExceptionCard {
  id: string;
  text: string;
  /** The commands its status and type allow now (value: `ops:<kind>:<id>`). */
  choices: Array<{ value: string; label: string; style?: 'primary' | 'danger' }>;
}

export type OpsResult = { ok: true; card: ExceptionCard } | { ok: false; message: string };

/** The ops core as Teams uses it: commands with the permission checks, and the card to show. */
export interface TeamsOps {
  /** Never throws: a refusal or an unexpected failure (logged by the port) comes back as a message for the presser. */
  execute(command: OpsCommand, actor: OpsActor): Promise<OpsResult>;
}

export interface TeamsDeps {
  config: Config;
  log: Logger;
  store: TeamsStore;
  ops: TeamsOps;
}

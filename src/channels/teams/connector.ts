import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { AdaptiveCard } from './cards.ts';
import { cardActivity } from './cards.ts';

// Proactive messages: outside a turn, the adapter continues a stored conversation
// (its reference says which Bot Connector, conversation, bot and user) and sends or
// updates an activity there. The adapter gets the bot's token for that call.

export interface Connector {
  /** Sends a card to a conversation; resolves to the new activity's id. */
  send(reference: ConversationReference, card: AdaptiveCard): Promise<string>;
  /** Replaces the card of an activity sent before. */
  update(reference: ConversationReference, activityId: string, card: AdaptiveCard): Promise<void>;
}

/** A reference for a new message: without the activity it came from (else the send would be a reply to it). */
const fresh = (reference: ConversationReference): ConversationReference => {
  const { activityId: _replyTo, ...rest } = reference;
  return rest;
};

export function createConnector(adapter: CloudAdapter, appId: string): Connector {
  return {
    async send(reference, card) {
      let id = '';
      await adapter.continueConversation(appId, fresh(reference), async (context) => {
        // The SDK gives the continuation a made-up activity id and would send a reply to it;
        // without one the message is posted to the conversation (in a channel: a new post).
        context.activity.id = undefined;
        const sent = await context.sendActivity(Activity.fromObject(cardActivity(card)));
        id = sent?.id ?? '';
      });
      return id;
    },
    async update(reference, activityId, card) {
      await adapter.continueConversation(appId, fresh(reference), async (context) => {
        await context.updateActivity(Activity.fromObject({ ...cardActivity(card), id: activityId }));
      });
    },
  };
}

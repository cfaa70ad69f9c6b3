import type { App } from '@slack/bolt';
import type { InboundMessage, Orchestrator } from '../../contract/conversation.ts';
import type { Logger } from '../../log.ts';
import { openBookModal, type BookModalDeps } from './book-modal.ts';
import type { PostQueue } from './post-queue.ts';
import type { SlackConfirmations, SlackStore } from './ports.ts';
import { renderReply, type SlackMessage } from './render.ts';

// Internal booking in Slack: /book <free text>, the buttons of a
// booking reply, and direct messages to the app. Every one is acknowledged first;
// the orchestrator runs after the ack and its answer goes back through response_url
// (ephemeral, or replacing the message whose button was pressed) or, for a direct
// message, chat.postMessage. Who asks is the Slack user id Slack signed, never text.
// A turn that booked is then confirmed by DM through the Slack notifier (once per booking).

export interface BookingDeps {
  orchestrator: Orchestrator;
  store: SlackStore;
  log: Logger;
  posts: PostQueue;
  /** What `/book` with no text opens (book-modal.ts). */
  modal: BookModalDeps;
  /** A turn that booked is confirmed by DM through the Slack notifier. */
  confirmations: SlackConfirmations;
  /** `/book list`: what /appointments shows (my-appointments.ts). */
  list(slackUserId: string): Promise<SlackMessage>;
}

const SORRY: SlackMessage = {
  text: 'Sorry, something went wrong on our side. Please try again in a moment.',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Sorry, something went wrong on our side. Please try again in a moment.' } }],
};

async function answer(deps: BookingDeps, message: InboundMessage): Promise<SlackMessage> {
  try {
    return renderReply(await deps.orchestrator.handle(message));
  } catch (err) {
    deps.log.error({ err, channel: 'slack' }, 'the conversation failed for a Slack request');
    return SORRY;
  }
}

export function registerBooking(app: App, deps: BookingDeps): void {
  app.command('/book', async ({ command, ack, respond, client }) => {
    await ack();
    if (!command.text.trim()) return openBookModal(deps.modal, { client, triggerId: command.trigger_id, userId: command.user_id });
    if (/^list$/i.test(command.text.trim())) return void (await respond({ response_type: 'ephemeral', ...(await deps.list(command.user_id)) }));
    const reply = await answer(deps, { channel: 'slack', senderIdentity: command.user_id, text: command.text, externalId: `command:${command.trigger_id}` });
    await respond({ response_type: 'ephemeral', ...reply });
    await deps.confirmations.sendFor(command.user_id);
  });

  app.action(/^book:choice:\d+$/, async ({ body, action, ack, respond }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const reply = await answer(deps, { channel: 'slack', senderIdentity: body.user.id, text: '', choiceValue: action.value, externalId: `action:${body.trigger_id}` });
    await respond({ replace_original: true, ...reply });
    await deps.confirmations.sendFor(body.user.id);
  });

  app.event('message', async ({ event, body, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    // Slack retries an event it did not see acknowledged in time: act on each event id once.
    if (!(await deps.store.claimEvent(body.event_id))) return;
    const reply = await answer(deps, { channel: 'slack', senderIdentity: event.user, text: event.text ?? '', externalId: `event:${body.event_id}` });
    await deps.posts.run(event.channel, () => client.chat.postMessage({ channel: event.channel, ...reply }));
    await deps.confirmations.sendFor(event.user);
  });
}

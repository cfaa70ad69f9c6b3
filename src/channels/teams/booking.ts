import type { InboundMessage, Orchestrator } from '../../contract/conversation.ts';
import type { Logger } from '../../log.ts';
import { replyCard, textCard, type AdaptiveCard } from './cards.ts';

// Internal booking in Teams: what a user writes in the personal chat (or after
// @mentioning the bot in a channel) and the buttons of a booking card go to the same
// conversation as SMS and Slack, as the Teams user the Bot Connector's token vouched
// for (their Entra object id), never a name in the text. The answer is a card.

export interface BookingDeps {
  orchestrator: Orchestrator;
  log: Logger;
}

export const SORRY = 'Sorry, something went wrong on our side. Please try again in a moment.';
export const NO_IDENTITY = 'I can only book for people signed in to Teams with a work account of this organization.';
export const HELP = 'Tell me what to book, e.g. "haircut tomorrow at 3pm" or "room for 6 Friday 2-3pm". Say "my bookings" to see, move or cancel yours.';

/** The app's command list (manifest.json) offers "my bookings": the conversation knows it as a request to list them. */
const MY_BOOKINGS = /^\s*my bookings\s*$/i;

/** The text as the conversation should read it: the @mention of the bot removed, the commands of the manifest named. */
export function requestText(raw: string): string {
  const text = raw.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
  return MY_BOOKINGS.test(text) ? 'show my appointments' : text;
}

export async function answerInTeams(deps: BookingDeps, message: InboundMessage): Promise<AdaptiveCard> {
  try {
    return replyCard(await deps.orchestrator.handle(message));
  } catch (err) {
    deps.log.error({ err, channel: 'teams' }, 'the conversation failed for a Teams request');
    return textCard(SORRY);
  }
}

export const helpCard = () => textCard(HELP);

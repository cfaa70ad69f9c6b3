import type { ConversationReference } from '@microsoft/agents-activity';
import type { Config } from '../../config.ts';
import type { Notice, NoticeResult, Notifier } from '../../contract/notifier.ts';
import { appointmentCard, exceptionCard, textCard, type AdaptiveCard } from './cards.ts';
import type { Connector } from './connector.ts';
import type { TeamsStore } from './ports.ts';

// The Teams channel's Notifier. A notice to a person (their Entra object id) goes to
// their personal chat with the bot, through the conversation reference stored when
// they last wrote to it; a notice to a channel (an exception_alert to the ops channel)
// goes to that channel. An exception's first alert is its card, remembered by
// exception so later alerts about it (still open) go in that card's thread. Each
// idempotency key is reserved before sending, so a retried or repeated send sends
// nothing twice.

export class UnsupportedTeamsNotice extends Error {
  override name = 'UnsupportedTeamsNotice';
}

function render(notice: Notice): AdaptiveCard {
  if (notice.kind === 'exception_alert') {
    if (!notice.text) throw new UnsupportedTeamsNotice('An exception alert needs its text.');
    return exceptionCard({ text: notice.text, choices: notice.choices ?? [] });
  }
  if (notice.appointment) {
    // Recording an outcome from Teams is not built: the no-show prompt shows its facts, not buttons that would do nothing.
    const choices = notice.kind === 'no_show_prompt' ? [] : notice.choices;
    return appointmentCard({ kind: notice.kind, appointment: notice.appointment, text: notice.text, choices });
  }
  if (!notice.text) throw new UnsupportedTeamsNotice(`The Teams notifier has no wording for a ${notice.kind} notice without text or appointment.`);
  return textCard(`${notice.from ? `${notice.from}: ` : ''}${notice.text}`, notice.choices);
}

const isChannel = (address: string) => address.startsWith('19:');

interface NotifierDeps {
  config: Pick<Config, 'TEAMS_APP_ID' | 'TEAMS_TENANT_ID' | 'TEAMS_SERVICE_URL'>;
  store: TeamsStore;
  connector: Connector;
}

/** Where a notice goes: a person's personal chat, or a channel (as last seen, else at the configured Bot Connector). */
async function referenceFor(deps: NotifierDeps, address: string): Promise<ConversationReference | null> {
  if (!isChannel(address)) return ((await deps.store.personalConversation(address))?.reference as unknown as ConversationReference) ?? null;
  const seen = await deps.store.conversation(address);
  if (seen) return seen.reference as unknown as ConversationReference;
  const any = await deps.store.anyConversation();
  const serviceUrl = (any?.reference.serviceUrl as string | undefined) ?? deps.config.TEAMS_SERVICE_URL;
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: address, isGroup: true, conversationType: 'channel', tenantId: deps.config.TEAMS_TENANT_ID },
    agent: { id: `28:${deps.config.TEAMS_APP_ID}`, name: 'Frontdesk' },
  } as ConversationReference;
}

/**
 * An exception worked elsewhere (the admin API, the dashboard, Slack): its card is
 * replaced in place by the alert as it is now, and a line in its thread says who did
 * what. Without a card here (yet) nothing is done nor remembered; a later card shows the current state.
 */
async function refreshCard(deps: NotifierDeps, notice: Notice): Promise<NoticeResult> {
  const key = notice.idempotencyKey;
  const reference = await referenceFor(deps, notice.to.address);
  const parent = reference && notice.exceptionId ? await deps.store.exceptionCard(notice.exceptionId, reference.conversation.id) : null;
  if (!reference || !parent) return { messageId: key, status: 'suppressed', duplicate: false };
  if (!(await deps.store.claimNotice(key, parent.conversationId, null))) {
    const posted = await deps.store.postedByKey(key);
    return { messageId: posted?.activityId ?? key, status: posted ? 'sent' : 'queued', duplicate: true };
  }
  try {
    await deps.connector.update(reference, parent.activityId, exceptionCard({ text: notice.text ?? '', choices: notice.choices ?? [] }, notice.step));
    const thread = { ...reference, conversation: { ...reference.conversation, id: `${parent.conversationId};messageid=${parent.activityId}` } };
    const activityId = await deps.connector.send(thread, textCard(notice.step ?? 'This exception changed.'));
    await deps.store.notePosted(key, activityId);
    return { messageId: activityId, status: 'sent', duplicate: false };
  } catch (err) {
    await deps.store.releaseNotice(key);
    throw err;
  }
}

export function createTeamsNotifier(deps: NotifierDeps): Notifier {
  return {
    channel: 'teams',
    async send(notice) {
      if (notice.to.channel !== 'teams') throw new UnsupportedTeamsNotice(`The Teams notifier cannot reach a ${notice.to.channel} recipient.`);
      if (notice.kind === 'exception_update') return refreshCard(deps, notice);
      const card = render(notice);
      const reference = await referenceFor(deps, notice.to.address);
      // Teams lets a bot write to a person only in a chat the person has with it: someone who never opened one cannot be reached.
      if (!reference) return { messageId: notice.idempotencyKey, status: 'failed', duplicate: false };
      const conversationId = reference.conversation.id;
      const key = notice.idempotencyKey;
      if (!(await deps.store.claimNotice(key, conversationId, notice.exceptionId ?? null))) {
        const posted = await deps.store.postedByKey(key);
        return { messageId: posted?.activityId ?? key, status: posted ? 'sent' : 'queued', duplicate: true };
      }
      // A later alert about an exception already posted here goes in its card's thread.
      const parent = notice.exceptionId ? await deps.store.exceptionCard(notice.exceptionId, conversationId) : null;
      const target = parent ? { ...reference, conversation: { ...reference.conversation, id: `${conversationId};messageid=${parent.activityId}` } } : reference;
      try {
        const activityId = await deps.connector.send(target, card);
        await deps.store.notePosted(key, activityId);
        return { messageId: activityId, status: 'sent', duplicate: false };
      } catch (err) {
        await deps.store.releaseNotice(key);
        throw err;
      }
    },
  };
}

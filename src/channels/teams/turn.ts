import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Orchestrator } from '../../contract/conversation.ts';
import { answerInTeams, helpCard, NO_IDENTITY, requestText } from './booking.ts';
import { withinBudget } from './budget.ts';
import {
  cardActivity,
  cardInvokeResponse,
  messageInvokeResponse,
  parseCardData,
  textCard,
  type AdaptiveCard,
  type ChoiceData,
  type OpsData,
} from './cards.ts';
import type { Connector } from './connector.ts';
import { runOpsAction } from './ops-actions.ts';
import type { TeamsDeps } from './ports.ts';

// One authenticated activity from the Bot Connector. Every activity first tells us
// where its conversation is (for proactive messages later). Then:
// - a message with text: the booking conversation (personal chat, or an @mention);
// - an adaptiveCard/action invoke (Action.Execute): a booking choice or an ops
//   command, answered with the card that replaces the pressed one;
// - a message carrying a card's data (the Action.Submit fallback): the same, with the
//   pressed card updated in place.
// Answers come within the budget; slower work follows proactively.

export interface TurnDeps extends TeamsDeps {
  orchestrator: Orchestrator;
  connector: Connector;
  budgetMs: number;
}

type User = { aadObjectId: string; name?: string };

/** The Teams user behind an activity: the Entra object id Teams puts on it; none for guests of other directories or non-Teams callers. */
function userOf(a: Activity): User | null {
  const id = a.from?.aadObjectId;
  return id ? { aadObjectId: id, ...(a.from?.name ? { name: a.from.name } : {}) } : null;
}

/** A channel thread's conversation id ends in ;messageid=<root>: the channel itself is the part before. */
export const channelOf = (conversationId: string) => conversationId.split(';messageid=')[0]!;

async function remember(deps: TurnDeps, a: Activity): Promise<void> {
  const reference = a.getConversationReference();
  const conversationId = channelOf(reference.conversation.id);
  const conversationType = a.conversation?.conversationType ?? 'personal';
  const stored: ConversationReference = { ...reference, conversation: { ...reference.conversation, id: conversationId } };
  delete stored.activityId;
  // A post to a channel or group chat is to everyone in it, not to whoever wrote last.
  if (conversationType !== 'personal') delete stored.user;
  await deps.store.rememberConversation({
    conversationId,
    conversationType,
    userAadObjectId: conversationType === 'personal' ? (a.from?.aadObjectId ?? null) : null,
    reference: JSON.parse(JSON.stringify(stored)) as Record<string, unknown>,
  });
}

const send = (context: TurnContext, card: AdaptiveCard) => context.sendActivity(Activity.fromObject(cardActivity(card)));
const invokeResponse = (context: TurnContext, body: object) => context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status: 200, body } }));

/** Sends what the work produced in this turn when it is ready within the budget; otherwise proactively, once it is. */
async function answerOrFollow(deps: TurnDeps, context: TurnContext, work: Promise<AdaptiveCard>, inTurn: (card: AdaptiveCard) => Promise<unknown>, later: (card: AdaptiveCard) => Promise<unknown>): Promise<void> {
  const raced = await withinBudget(work, deps.budgetMs);
  if (raced.done) return void (await inTurn(raced.value));
  deps.log.info({ channel: 'teams', conversationId: context.activity.conversation?.id }, 'a Teams answer takes longer than the budget: it follows proactively');
  void raced.later.then(later).catch((err: unknown) => deps.log.error({ err, channel: 'teams' }, 'a proactive Teams answer failed'));
}

async function onText(deps: TurnDeps, context: TurnContext, user: User): Promise<void> {
  const a = context.activity;
  const text = requestText(a.text ?? '');
  if (!text) return void (await send(context, helpCard()));
  const work = answerInTeams(deps, { channel: 'teams', senderIdentity: user.aadObjectId, text, externalId: `activity:${a.id}` });
  const reference = a.getConversationReference();
  await answerOrFollow(deps, context, work, (card) => send(context, card), (card) => deps.connector.send(reference, card));
}

const choiceWork = (deps: TurnDeps, user: User, a: Activity, data: ChoiceData) =>
  answerInTeams(deps, { channel: 'teams', senderIdentity: user.aadObjectId, text: '', choiceValue: data.value, externalId: `action:${a.id}` });

/** Action.Execute: the invoke's answer is the card shown in place of the pressed one. */
async function onInvoke(deps: TurnDeps, context: TurnContext, user: User | null): Promise<void> {
  const a = context.activity;
  const action = (a.value as { action?: { data?: unknown } } | undefined)?.action;
  const data = parseCardData(action?.data);
  if (!data) return void (await invokeResponse(context, messageInvokeResponse('This card is not from this version of Frontdesk.')));
  if (!user) return void (await invokeResponse(context, messageInvokeResponse(NO_IDENTITY)));
  if (data.frontdesk === 'ops') {
    const outcome = await runOpsAction(deps, { data: data as OpsData & Record<string, unknown>, user });
    if (!outcome.ok) return void (await invokeResponse(context, messageInvokeResponse(outcome.message)));
    await invokeResponse(context, cardInvokeResponse(outcome.card));
    // The card's thread says who did it (the invoke's conversation is the card's thread).
    return void (await send(context, textCard(outcome.line)));
  }
  const reference = a.getConversationReference();
  const pressed = a.replyToId;
  await answerOrFollow(
    deps,
    context,
    choiceWork(deps, user, a, data as ChoiceData),
    (card) => invokeResponse(context, cardInvokeResponse(card)),
    async (card) => (pressed ? deps.connector.update(reference, pressed, card) : deps.connector.send(reference, card)),
  );
  // Past the budget the invoke still needs its answer: the card stays until the update arrives.
  if (!context.responded) await invokeResponse(context, messageInvokeResponse('Working on it…'));
}

/** Action.Submit (clients without Execute): a message carrying the card's data; the pressed card is updated in place. */
async function onSubmit(deps: TurnDeps, context: TurnContext, user: User, data: ChoiceData | OpsData): Promise<void> {
  const a = context.activity;
  const replace = async (card: AdaptiveCard) =>
    a.replyToId ? context.updateActivity(Activity.fromObject({ ...cardActivity(card), id: a.replyToId })) : send(context, card);
  if (data.frontdesk === 'ops') {
    const outcome = await runOpsAction(deps, { data: data as OpsData & Record<string, unknown>, user });
    if (!outcome.ok) return void (await send(context, textCard(outcome.message)));
    await replace(outcome.card);
    return void (await send(context, textCard(outcome.line)));
  }
  const reference = a.getConversationReference();
  const pressed = a.replyToId;
  await answerOrFollow(deps, context, choiceWork(deps, user, a, data), replace, async (card) =>
    pressed ? deps.connector.update(reference, pressed, card) : deps.connector.send(reference, card),
  );
}

export async function handleTurn(deps: TurnDeps, context: TurnContext): Promise<void> {
  const a = context.activity;
  await remember(deps, a);
  const user = userOf(a);
  if (a.type === 'invoke') {
    if (a.name === 'adaptiveCard/action') return onInvoke(deps, context, user);
    return;
  }
  if (a.type !== 'message') return;
  // The Bot Connector redelivers what it thinks was lost: act on each activity once.
  if (a.id && !(await deps.store.claimActivity(`${a.conversation?.id}|${a.id}`))) return;
  if (!user) return void (await send(context, textCard(NO_IDENTITY)));
  const data = parseCardData(a.value);
  if (data) return onSubmit(deps, context, user, data);
  return onText(deps, context, user);
}

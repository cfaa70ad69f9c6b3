import type { App } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import { buttonReason, OPS_DONE, type OpsCommand } from '../../contract/ops.ts';
import { actorOf } from './actor.ts';
import type { PostQueue } from './post-queue.ts';
import type { ExceptionCard, PostedRef, SlackDeps } from './ports.ts';
import { escapeMrkdwn, offerModal, renderCard, replyModal } from './render.ts';

// The buttons of an exception's parent message in the ops channel. Each is
// acknowledged at once, then run through the ops core with the presser mapped to a
// Frontdesk user; the core's permission check decides. Refused: an ephemeral note to
// the presser, nothing else. Done: the parent is edited in place and a thread reply
// says who did what. "Reply to customer" opens a modal first (its trigger_id lasts
// 3 s); the text it submits goes to the customer through the core's reply command.

type Kind = 'take' | 'approve' | 'decline' | 'resolve' | 'dismiss';

function command(kind: Kind, exceptionId: string, who: string): OpsCommand {
  switch (kind) {
    case 'take':
    case 'approve':
      return { kind, exceptionId };
    case 'resolve':
    case 'dismiss':
    case 'decline':
      return { kind, exceptionId, reason: buttonReason(kind, 'Slack', who) };
  }
}

export interface OpsActionDeps extends SlackDeps {
  posts: PostQueue;
}

/** Edits the parent in place and says in its thread who did what. */
async function report(client: webApi.WebClient, deps: OpsActionDeps, parent: PostedRef, card: ExceptionCard, line: string): Promise<void> {
  await client.chat.update({ channel: parent.channelId, ts: parent.ts, ...renderCard(card) });
  await deps.posts.run(parent.channelId, () => client.chat.postMessage({ channel: parent.channelId, thread_ts: parent.ts, text: line }));
}

export function registerOpsActions(app: App, deps: OpsActionDeps): void {
  app.action(/^ops:(take|approve|decline|resolve|dismiss)$/, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || !('action_id' in action) || body.type !== 'block_actions' || !body.channel || !body.message) return;
    const kind = action.action_id.slice('ops:'.length) as Kind;
    const actor = await actorOf(deps, body.user.id);
    const result = await deps.ops.execute(command(kind, action.value ?? '', actor.displayName), actor);
    if (!result.ok) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: result.message }));
    await report(client, deps, { channelId: body.channel.id, ts: body.message.ts }, result.card, `<@${body.user.id}> ${OPS_DONE[kind]}.`);
  });

  app.action('ops:assign', async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'users_select' || body.type !== 'block_actions' || !body.channel || !body.message) return;
    const exceptionId = action.block_id.replace(/^exception:/, '');
    const actor = await actorOf(deps, body.user.id);
    // The person picked must be a Frontdesk user; the core then checks they may work it.
    const assignee = await deps.store.memberBySlackId(action.selected_user);
    if (!assignee) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: `<@${action.selected_user}> is not linked to a Frontdesk user, so they cannot be assigned.` }));
    const result = await deps.ops.execute({ kind: 'assign', exceptionId, assigneeUserId: assignee.userId }, actor);
    if (!result.ok) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: result.message }));
    await report(client, deps, { channelId: body.channel.id, ts: body.message.ts }, result.card, `<@${body.user.id}> ${OPS_DONE.assign} <@${action.selected_user}>.`);
  });

  app.action('ops:reply', async ({ body, action, ack, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions' || !body.channel || !body.message) return;
    await client.views.open({ trigger_id: body.trigger_id, view: replyModal({ exceptionId: action.value ?? '', channelId: body.channel.id, ts: body.message.ts }) });
  });

  app.action('ops:offer_times', async ({ body, action, ack, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions' || !body.channel || !body.message) return;
    const meta = { exceptionId: action.value ?? '', channelId: body.channel.id, ts: body.message.ts };
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: offerModal(meta, null) });
    const actor = await actorOf(deps, body.user.id);
    const found = await deps.ops.timesToOffer(meta.exceptionId, actor);
    await client.views.update({ view_id: opened.view!.id!, view: offerModal(meta, found.ok ? found : { message: found.message }) });
  });

  app.view('ops:offer_times', async ({ ack, view, body, client }) => {
    const picked = (view.state.values.times?.picked?.selected_options ?? []).map((o) => o.value);
    if (!picked.length) return void (await ack({ response_action: 'errors', errors: { times: 'Pick at least one time.' } }));
    if (picked.length > 5) return void (await ack({ response_action: 'errors', errors: { times: 'Pick at most 5 times.' } }));
    await ack();
    const meta = JSON.parse(view.private_metadata) as { exceptionId: string; channelId: string; ts: string };
    const actor = await actorOf(deps, body.user.id);
    const result = await deps.ops.execute({ kind: 'offer_times', exceptionId: meta.exceptionId, times: picked }, actor);
    if (!result.ok) return void (await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, thread_ts: meta.ts, text: result.message }));
    const labels = (view.state.values.times?.picked?.selected_options ?? []).map((o) => o.text.text);
    await report(client, deps, { channelId: meta.channelId, ts: meta.ts }, result.card, `<@${body.user.id}> ${OPS_DONE.offer_times}: ${escapeMrkdwn(labels.join('; '))}`);
  });

  app.view('ops:reply', async ({ ack, view, body, client }) => {
    const text = view.state.values.reply?.text?.value?.trim() ?? '';
    if (!text) return void (await ack({ response_action: 'errors', errors: { reply: 'Write the message the customer should get.' } }));
    await ack();
    const meta = JSON.parse(view.private_metadata) as { exceptionId: string; channelId: string; ts: string };
    const actor = await actorOf(deps, body.user.id);
    const result = await deps.ops.execute({ kind: 'reply', exceptionId: meta.exceptionId, text }, actor);
    if (!result.ok) return void (await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, thread_ts: meta.ts, text: result.message }));
    await report(client, deps, { channelId: meta.channelId, ts: meta.ts }, result.card, `<@${body.user.id}> ${OPS_DONE.reply}: “${escapeMrkdwn(text)}”`);
  });
}

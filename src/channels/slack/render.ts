import type { types } from '@slack/bolt';
import type { OutboundReply, ReplyChoice } from '../../contract/conversation.ts';

// Block Kit for what Frontdesk says in Slack: messages as sections, choices as
// buttons carrying their value, a confirm dialog on destructive ones, and always a
// plain-text `text` beside the blocks (notifications and screen readers read it).
// Pure: no I/O.

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export type Block = Record<string, unknown>;

/** Slack's mrkdwn treats only these three as control characters. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.length > max ? `${text.slice(0, max - 1)}…` : text });

const SECTION_MAX = 3000;

/** A message's escaped text in pieces within Slack's 3000-character section limit, never cutting an entity. */
function pieces(message: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of message) {
    const piece = escapeMrkdwn(ch);
    if (current.length + piece.length > SECTION_MAX) {
      out.push(current);
      current = '';
    }
    current += piece;
  }
  return current ? [...out, current] : out;
}

function sections(messages: string[]): Block[] {
  return messages.filter((m) => m.trim()).flatMap(pieces).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

export interface ButtonSpec {
  actionId: string;
  choice: ReplyChoice;
}

function button({ actionId, choice }: ButtonSpec): Block {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(choice.label, 75),
    value: choice.value,
    ...(choice.style ? { style: choice.style } : {}),
    ...(choice.style === 'danger'
      ? { confirm: { title: plain('Are you sure?', 100), text: plain(`${choice.label}?`, 300), confirm: plain(choice.label, 30), deny: plain('Go back', 30), style: 'danger' } }
      : {}),
  };
}

/** An actions block: Slack allows 25 elements in one. */
export const actions = (buttons: ButtonSpec[]): Block => ({ type: 'actions', elements: buttons.slice(0, 25).map(button) });

/** The plain `text` beside the blocks; Slack reads it as mrkdwn too, so a customer's "<!channel>" must not ping anyone. */
function fallback(messages: string[], choices: ReplyChoice[]): string {
  const options = choices.length ? `\n${choices.map((c) => `• ${c.label}`).join('\n')}` : '';
  return escapeMrkdwn(messages.join('\n') + options);
}

/** A booking conversation's reply; button i answers with its choice's value. */
export function renderReply(reply: Pick<OutboundReply, 'messages' | 'choices'>): SlackMessage {
  const choices = reply.choices ?? [];
  const blocks = sections(reply.messages);
  if (choices.length) blocks.push(actions(choices.map((choice, i) => ({ actionId: `book:choice:${i}`, choice }))));
  return { text: fallback(reply.messages, choices), blocks };
}

/** Assigning picks a person: a user select, whose block names the exception (a select carries no value). */
const assignSelect = (label: string): Block => ({ type: 'users_select', action_id: 'ops:assign', placeholder: plain(label, 150) });

/** An exception's parent message: its context, and buttons for the commands that fit it now. */
export function renderCard(card: { text: string; choices: ReplyChoice[] }): SlackMessage {
  const blocks = sections([card.text]);
  // Values are ops:<kind>:<exception id>; the action id names the command, the value the exception.
  const parsed = card.choices.map((c) => {
    const [, kind, id] = c.value.split(':');
    return { kind: kind!, id: id!, choice: { ...c, value: id! } };
  });
  const elements = parsed.map((p) => (p.kind === 'assign' ? assignSelect(p.choice.label) : button({ actionId: `ops:${p.kind}`, choice: p.choice })));
  if (elements.length) blocks.push({ type: 'actions', block_id: `exception:${parsed[0]!.id}`, elements });
  return { text: escapeMrkdwn(card.text), blocks };
}

/** The modal whose text goes to the customer through the ops core's reply command. */
export function replyModal(meta: { exceptionId: string; channelId: string; ts: string }): types.ModalView {
  return {
    type: 'modal',
    callback_id: 'ops:reply',
    private_metadata: JSON.stringify(meta),
    title: plain('Reply to customer', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: 'reply',
        label: plain('Message to the customer', 2000),
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** Offer new times, opened at once (the trigger_id lasts 3 s) while the engine is asked. */
export function offerModal(meta: { exceptionId: string; channelId: string; ts: string }, body: { serviceName: string; times: Array<{ start: string; label: string }> } | { message: string } | null): types.ModalView {
  const base = { type: 'modal' as const, callback_id: 'ops:offer_times', private_metadata: JSON.stringify(meta), title: plain('Offer new times', 24), close: plain('Cancel', 24) };
  if (!body) return { ...base, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Looking up free times…' } }] };
  if ('message' in body) return { ...base, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(body.message) } }] };
  if (!body.times.length) return { ...base, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(`No free times for ${body.serviceName} in the next two weeks.`) } }] };
  return {
    ...base,
    submit: plain('Send to customer', 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(`Free times for ${body.serviceName}. Pick up to 5; the customer gets them on their channel and answers with the one that suits them.`) } },
      {
        type: 'input',
        block_id: 'times',
        label: plain('Times to offer', 2000),
        element: { type: 'checkboxes', action_id: 'picked', options: body.times.slice(0, 10).map((t) => ({ text: plain(t.label, 75), value: t.start })) },
      },
    ],
  };
}

import type { AppointmentFacts } from '../../contract/notifier.ts';
import type { OutboundReply, ReplyChoice } from '../../contract/conversation.ts';
import type { ExceptionCard } from './ports.ts';

// Adaptive Cards 1.5 for what Frontdesk says in Teams. Every button is an
// Action.Execute (Teams sends it as an adaptiveCard/action invoke and shows the card
// the bot answers with in place), with an Action.Submit fallback for clients that do
// not know Execute (they send a message activity carrying the same data). A button's
// data says what it is: `{ frontdesk: 'choice', value }` answers the conversation,
// `{ frontdesk: 'ops', command, exceptionId }` works an exception. Every card carries
// a plain-text fallbackText (notifications and screen readers read it). Pure: no I/O.

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: '1.5';
  fallbackText: string;
  body: Element[];
  actions?: Element[];
}

export type ChoiceData = { frontdesk: 'choice'; value: string };
export type OpsData = { frontdesk: 'ops'; command: string; exceptionId: string };
export type CardData = ChoiceData | OpsData;

/** The ids of the inputs an exception card carries; their values arrive merged into the action's data. */
export const REPLY_INPUT = 'replyText';
export const ASSIGNEE_INPUT = 'assignee';

const STYLE: Record<NonNullable<ReplyChoice['style']>, string> = { primary: 'positive', danger: 'destructive' };

const card = (fallbackText: string, body: Element[], actions: Element[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: CARD_SCHEMA,
  version: '1.5',
  fallbackText,
  body,
  ...(actions.length ? { actions } : {}),
});

const text = (t: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

/** A button: Action.Execute, falling back to Action.Submit with the same title and data. */
export function button(title: string, verb: string, data: CardData, style?: ReplyChoice['style']): Element {
  const look = style ? { style: STYLE[style] } : {};
  return { type: 'Action.Execute', title, verb, data, ...look, fallback: { type: 'Action.Submit', title, data, ...look } };
}

function fallbackText(messages: string[], choices: ReplyChoice[]): string {
  const options = choices.length ? `\n${choices.map((c) => `• ${c.label}`).join('\n')}` : '';
  return messages.join('\n') + options;
}

/**
 * The conversation words its answers for SMS too, where a booking or a list of them
 * ends with "Reply R to reschedule or C to cancel". In Teams those keys are buttons.
 */
const KEYS_INVITED = /\bR to reschedule\b.*\bC to cancel\b/;
const KEY_CHOICES: ReplyChoice[] = [
  { value: 'R', label: 'Reschedule' },
  { value: 'C', label: 'Cancel', style: 'danger' },
];

/** A booking conversation's reply; each choice is a button answering with its value. */
export function replyCard(reply: Pick<OutboundReply, 'messages' | 'choices'>): AdaptiveCard {
  const invited = !reply.choices?.length && KEYS_INVITED.test(reply.messages.at(-1) ?? '');
  const choices = invited ? KEY_CHOICES : (reply.choices ?? []);
  const body = reply.messages.filter((m) => m.trim()).map((m) => text(m));
  const actions = choices.map((c) => button(c.label, 'choice', { frontdesk: 'choice', value: c.value }, c.style));
  return card(fallbackText(reply.messages, choices), body, actions);
}

/** An exception's card in the ops channel: its context, the inputs its commands need, and a button per command that fits now. */
export function exceptionCard(exception: Pick<ExceptionCard, 'text' | 'choices'>, note?: string): AdaptiveCard {
  const [title = '', ...rest] = exception.text.split('\n');
  const body: Element[] = [text(title, { weight: 'Bolder' }), ...rest.map((line) => text(line, { spacing: 'None', isSubtle: true }))];
  if (note) body.push(text(note, { spacing: 'Medium' }));
  const parsed = exception.choices.map((c) => {
    const [, command = '', id = ''] = c.value.split(':');
    return { command, id, choice: c };
  });
  // Replying and assigning need what the presser writes or picks: an input on the card, sent with the button.
  if (parsed.some((p) => p.command === 'reply')) {
    body.push({ type: 'Input.Text', id: REPLY_INPUT, isMultiline: true, maxLength: 1000, placeholder: 'Message to the customer', label: 'Reply to customer' });
  }
  if (parsed.some((p) => p.command === 'assign')) {
    // Teams' people picker: the value is the picked user's Entra object id.
    body.push({ type: 'Input.ChoiceSet', id: ASSIGNEE_INPUT, label: 'Assign to', placeholder: 'Search for a person', choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } });
  }
  const actions = parsed.map((p) => button(p.command === 'assign' ? 'Assign' : p.choice.label, `ops:${p.command}`, { frontdesk: 'ops', command: p.command, exceptionId: p.id }, p.choice.style));
  const fallback = [exception.text, ...(note ? [note] : [])].join('\n');
  return card(fallback, body, actions);
}

const HEADINGS: Record<string, string> = {
  confirmation: 'Booking confirmed',
  reminder: 'Reminder',
  cancellation: 'Booking canceled',
  reschedule_offer: 'New times offered',
  no_show_prompt: 'Did this appointment happen?',
};

function when(a: AppointmentFacts): string {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: a.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return fmt.format(a.startsAt);
}

/** A notice about an appointment, from the committed record (never model text), with the notice's own text and choices when it has them. */
export function appointmentCard(notice: { kind: string; appointment: AppointmentFacts; text?: string; choices?: ReplyChoice[] }): AdaptiveCard {
  const a = notice.appointment;
  const heading = HEADINGS[notice.kind] ?? 'Your booking';
  const facts = [
    { title: 'What', value: a.serviceName },
    { title: 'When', value: when(a) },
    { title: 'Where', value: [a.locationName, a.locationAddress].filter(Boolean).join(', ') },
    ...(a.staffName ? [{ title: 'With', value: a.staffName }] : []),
  ];
  const choices = notice.choices ?? [];
  const body: Element[] = [text(heading, { weight: 'Bolder', size: 'Medium' }), { type: 'FactSet', facts }];
  if (notice.text) body.push(text(notice.text));
  const summary = [`${heading}: ${a.serviceName}, ${when(a)}, ${facts[2]!.value}${a.staffName ? ` with ${a.staffName}` : ''}.`, ...(notice.text ? [notice.text] : [])];
  const buttons = choices.map((c) => button(c.label, 'choice', { frontdesk: 'choice', value: c.value }, c.style));
  // A link, not an Execute button: the calendar app opens the .ics itself.
  if (notice.kind === 'confirmation' && a.calendarUrl) buttons.push({ type: 'Action.OpenUrl', title: 'Add to calendar', url: a.calendarUrl });
  return card(fallbackText(summary, choices), body, buttons);
}

/** A plain message as a card (a staff reply, any notice with text only). */
export const textCard = (message: string, choices: ReplyChoice[] = []): AdaptiveCard => replyCard({ messages: [message], choices });

/** The message activity that carries a card. */
export const cardActivity = (c: AdaptiveCard) => ({ type: 'message' as const, attachments: [{ contentType: CARD_CONTENT_TYPE, content: c }] });

/** What an adaptiveCard/action invoke answers: the card that replaces the pressed one. */
export const cardInvokeResponse = (c: AdaptiveCard) => ({ statusCode: 200, type: CARD_CONTENT_TYPE, value: c });

/** What an adaptiveCard/action invoke answers when the card stays as it is: a message Teams shows the presser. */
export const messageInvokeResponse = (message: string) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message });

/** The data of a pressed button (Execute's action.data or Submit's value), or null when it is none of ours. */
export function parseCardData(value: unknown): (CardData & Record<string, unknown>) | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.frontdesk === 'choice' && typeof v.value === 'string') return v as ChoiceData & Record<string, unknown>;
  if (v.frontdesk === 'ops' && typeof v.command === 'string' && typeof v.exceptionId === 'string') return v as OpsData & Record<string, unknown>;
  return null;
}

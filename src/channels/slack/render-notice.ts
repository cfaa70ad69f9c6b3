import { DateTime } from 'luxon';
import type { AppointmentFacts, Notice } from '../../contract/notifier.ts';
import { actions, escapeMrkdwn, renderCard, renderReply, type Block, type SlackMessage } from './render.ts';

// A notice (src/contract/notifier.ts) as a Slack message: Block Kit plus the plain
// `text` Slack shows in notifications. What it says about a booking comes from the
// committed appointment it carries, never from model text; a person's text is shown as
// written. Times are in the location's zone, which is named. Pure: no I/O.

export class UnsupportedSlackNotice extends Error {
  override name = 'UnsupportedSlackNotice';
}

function need<T>(value: T | undefined, notice: Notice, what: string): T {
  if (value === undefined) throw new UnsupportedSlackNotice(`A ${notice.kind} notice needs ${what}.`);
  return value;
}

/** "Wed Dec 2, 1:00 PM–1:45 PM EST": start and end in the location's zone. */
export function formatSpan(a: Pick<AppointmentFacts, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const start = DateTime.fromJSDate(a.startsAt, { zone: a.timeZone });
  const end = DateTime.fromJSDate(a.endsAt, { zone: a.timeZone });
  return `${start.toFormat('ccc LLL d, h:mm a')}–${end.toFormat('h:mm a')} ${start.toFormat('ZZZZ')}`;
}

/** What, with whom, when and where, one line each. */
export function describeAppointment(a: AppointmentFacts): string[] {
  return [`${a.serviceName}${a.staffName ? ` with ${a.staffName}` : ''}`, formatSpan(a), `${a.locationName}, ${a.locationAddress}`];
}

const HEADLINES: Partial<Record<Notice['kind'], (a: AppointmentFacts) => string>> = {
  confirmation: (a) => (a.status === 'requested' ? 'Requested (not yet confirmed)' : 'Booked'),
  reminder: () => 'Reminder',
  cancellation: () => 'Canceled',
};

const MANAGE_HINT = 'Use /appointments to reschedule or cancel.';

/** A confirmation, reminder or cancellation: the headline, the booking's facts, and how to change it. */
function appointmentMessage(notice: Notice, headline: string): SlackMessage {
  const a = need(notice.appointment, notice, 'an appointment');
  const lines = describeAppointment(a).map(escapeMrkdwn);
  const hint = notice.kind === 'cancellation' ? (a.contactPhone ? `Questions? Call ${a.contactPhone}.` : null) : MANAGE_HINT;
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${headline}:* ${lines[0]}\n${lines.slice(1).join('\n')}` } }];
  if (hint) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(hint) }] });
  const calendar = notice.kind === 'confirmation' && a.calendarUrl ? `<${a.calendarUrl}|Add to calendar (.ics)>` : null;
  if (calendar) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: calendar }] });
  return { text: `${escapeMrkdwn(`${headline}: ${describeAppointment(a).join(', ')}.${hint ? ` ${hint}` : ''}`)}${calendar ? ` ${calendar}` : ''}`, blocks };
}

/** The staff member is asked how an appointment went; each answer is a button naming the appointment. */
function noShowPrompt(notice: Notice): SlackMessage {
  const a = need(notice.appointment, notice, 'an appointment');
  const [what, when] = describeAppointment(a);
  const question = `How did ${what} on ${when} go?`;
  const labels: Record<string, string> = { completed: 'Completed', no_show: 'No-show' };
  const choices = (notice.choices?.length ? notice.choices : [{ value: 'completed', label: '' }, { value: 'no_show', label: '' }]).filter((c) => c.value in labels);
  const buttons = actions(choices.map((c) => ({ actionId: `outcome:${c.value}`, choice: { value: a.id, label: c.label || labels[c.value]!, ...(c.value === 'completed' ? { style: 'primary' as const } : {}) } })));
  return {
    text: escapeMrkdwn(`${question} ${choices.map((c) => c.label || labels[c.value]).join(' or ')}?`),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(question) } }, { ...buttons, block_id: `outcome:${a.id}` }],
  };
}

/** An exception's alert; one that calls on its assignee mentions them (Slack's <@id>, which escaping the text would break). */
export function renderAlert(notice: Notice): SlackMessage {
  const card = renderCard({ text: need(notice.text, notice, 'its text'), choices: notice.choices ?? [] });
  const who = notice.assignee?.slackUserId;
  if (!who) return card;
  const [first, ...rest] = card.blocks as Array<{ type: string; text?: { type: string; text: string } }>;
  const mentioned = first?.text ? [{ ...first, text: { ...first.text, text: `<@${who}> ${first.text.text}` } }, ...rest] : card.blocks;
  return { text: `<@${who}> ${card.text}`, blocks: mentioned as Block[] };
}

export function renderNotice(notice: Notice): SlackMessage {
  if (notice.kind === 'exception_alert' || notice.kind === 'exception_update') return renderAlert(notice);
  if (notice.kind === 'no_show_prompt') return noShowPrompt(notice);
  const headline = HEADLINES[notice.kind];
  if (headline) return appointmentMessage(notice, headline(need(notice.appointment, notice, 'an appointment')));
  // A person's words (a staff reply, offered times): as written, under the business's name; choices as buttons.
  const from = notice.appointment?.businessName ?? notice.from;
  const text = need(notice.text, notice, 'text');
  return renderReply({ messages: [from ? `${from}: ${text}` : text], choices: notice.choices });
}

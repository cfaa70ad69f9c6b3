import type { types } from '@slack/bolt';
import type { AppointmentFacts } from '../../contract/notifier.ts';
import { EXCEPTION_TITLES } from '../../contract/ops.ts';
import type { QueueSummary } from './ports.ts';
import { escapeMrkdwn, type Block, type SlackMessage } from './render.ts';
import { describeAppointment } from './render-notice.ts';

// Someone's own bookings in Slack, for /appointments and the App Home tab: each with
// Reschedule and Cancel (Cancel asks first, in Slack's confirm dialog); for staff, their
// schedule today (appointments they provide) with Reschedule and Cancel; and for those
// who work the exception queue, its open exceptions counted by type. Pure: no I/O.

const plain = (text: string) => ({ type: 'plain_text' as const, text });

const EMPTY = 'You have no upcoming bookings. Book one with `/book`, e.g. `/book room for 6 tomorrow 2-3pm`.';

const cancelButton = (a: AppointmentFacts) => ({
          type: 'button',
          action_id: 'appointment:cancel',
          text: plain('Cancel'),
          value: a.id,
          style: 'danger',
          confirm: {
            title: plain('Cancel this booking?'),
            text: plain(`${describeAppointment(a).slice(0, 2).join(', ')}`.slice(0, 300)),
            confirm: plain('Cancel it'),
            deny: plain('Keep it'),
            style: 'danger',
          },
        });

/** One appointment: what, when, where (and for whom it is a request). */
function appointmentSection(a: AppointmentFacts): Block {
  const [what, when, where] = describeAppointment(a).map(escapeMrkdwn);
  const requested = a.status === 'requested' ? ' _(requested, not yet confirmed)_' : '';
  return { type: 'section', text: { type: 'mrkdwn', text: `*${what}*${requested}\n${when}\n${where}` } };
}

/**
 * One appointment of a staff member's schedule: Reschedule (a modal of the engine's
 * free times, move-modal.ts: the staff member moves it, not the conversation, which
 * speaks for the presser's own bookings) and Cancel. Block ids differ from the
 * bookings' so an appointment in both lists keeps Slack's block ids unique.
 */
function scheduleBlocks(a: AppointmentFacts): Block[] {
  const reschedule = { type: 'button', action_id: 'schedule:reschedule', text: plain('Reschedule'), value: a.id };
  return [appointmentSection(a), { type: 'actions', block_id: `schedule:${a.id}`, elements: [reschedule, cancelButton(a)] }];
}

/** One booking: what, when, where, and its two buttons (each carrying the appointment id). */
function bookingBlocks(a: AppointmentFacts): Block[] {
  return [
    appointmentSection(a),
    {
      type: 'actions',
      block_id: `appointment:${a.id}`,
      elements: [
        { type: 'button', action_id: 'appointment:reschedule', text: plain('Reschedule'), value: a.id },
        cancelButton(a),
      ],
    },
  ];
}

const line = (a: AppointmentFacts) => `• ${describeAppointment(a).slice(0, 2).join(', ')}${a.status === 'requested' ? ' (requested)' : ''}`;

const NOTHING_TODAY = 'Nothing on your schedule today.';

/** A staff member's appointments today (they provide them), after their own bookings; null: not staff, nothing shown. */
function scheduleSection(schedule: AppointmentFacts[] | null | undefined): SlackMessage {
  if (!schedule) return { text: '', blocks: [] };
  const header = { type: 'header', text: plain('Your schedule today') };
  if (!schedule.length) return { text: `\nYour schedule today: ${NOTHING_TODAY}`, blocks: [header, { type: 'section', text: { type: 'mrkdwn', text: NOTHING_TODAY } }] };
  return { text: escapeMrkdwn(['', 'Your schedule today:', ...schedule.map(line)].join('\n')), blocks: [header, ...schedule.flatMap(scheduleBlocks)] };
}

/** The list, with an optional note on top (what was just done), then a staff member's schedule today. */
export function renderMyAppointments(list: AppointmentFacts[], note?: string, schedule?: AppointmentFacts[] | null): SlackMessage {
  const head = note ? [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(note) } }] : [];
  const today = scheduleSection(schedule);
  if (!list.length) return { text: `${note ? `${escapeMrkdwn(note)}\n` : ''}${EMPTY}${today.text}`, blocks: [...head, { type: 'section', text: { type: 'mrkdwn', text: EMPTY } }, ...today.blocks] };
  return {
    text: escapeMrkdwn([...(note ? [note] : []), 'Your upcoming bookings:', ...list.map(line)].join('\n')) + today.text,
    blocks: [...head, { type: 'header', text: plain('Your upcoming bookings') }, ...list.flatMap(bookingBlocks), ...today.blocks],
  };
}

function queueBlocks(q: QueueSummary): Block[] {
  const total = q.counts.reduce((n, c) => n + c.count, 0);
  const blocks: Block[] = [{ type: 'divider' }, { type: 'header', text: plain(`Open exceptions: ${total}`) }];
  if (!total) return [...blocks, { type: 'section', text: { type: 'mrkdwn', text: 'Nothing waiting. Nice.' } }];
  blocks.push({ type: 'section', fields: q.counts.map((c) => ({ type: 'mrkdwn', text: `*${EXCEPTION_TITLES[c.type]}*\n${c.count}` })).slice(0, 10) });
  const oldest = q.oldest.map((e) => `• ${EXCEPTION_TITLES[e.type]} (${e.status}, since ${e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC): ${escapeMrkdwn(e.summary)}`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Oldest first, worked in the ops channel:\n${oldest.join('\n')}`.slice(0, 3000) }] });
  return blocks;
}

/** The Home tab: the viewer's bookings, their schedule today when they are staff, then the queue when they work it. */
export function homeView(p: { bookings: AppointmentFacts[]; schedule: AppointmentFacts[] | null; queue: QueueSummary | null; note?: string }): types.HomeView {
  const mine = renderMyAppointments(p.bookings, p.note, p.schedule).blocks;
  return { type: 'home', blocks: [...mine, ...(p.queue ? queueBlocks(p.queue) : [])] as unknown as types.HomeView['blocks'] };
}

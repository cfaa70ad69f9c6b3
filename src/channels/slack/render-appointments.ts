import type { types } from '@slack/bolt';
import type { AppointmentFacts } from '../../contract/notifier.ts';
import { EXCEPTION_TITLES } from '../../contract/ops.ts';
import type { QueueSummary } from './ports.ts';
import { escapeMrkdwn, type Block, type SlackMessage } from './render.ts';
import { describeAppointment } from './render-notice.ts';

// Someone's own bookings in Slack, for /appointments and the App Home tab: each with
// Reschedule and Cancel (Cancel asks first, in Slack's confirm dialog), and for those
// who work the exception queue, its open exceptions counted by type. Pure: no I/O.

const plain = (text: string) => ({ type: 'plain_text' as const, text });

const EMPTY = 'You have no upcoming bookings. Book one with `/book`, e.g. `/book room for 6 tomorrow 2-3pm`.';

/** One booking: what, when, where, and its two buttons (each carrying the appointment id). */
function bookingBlocks(a: AppointmentFacts): Block[] {
  const [what, when, where] = describeAppointment(a).map(escapeMrkdwn);
  const requested = a.status === 'requested' ? ' _(requested, not yet confirmed)_' : '';
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `*${what}*${requested}\n${when}\n${where}` } },
    {
      type: 'actions',
      block_id: `appointment:${a.id}`,
      elements: [
        { type: 'button', action_id: 'appointment:reschedule', text: plain('Reschedule'), value: a.id },
        {
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
        },
      ],
    },
  ];
}

/** The list, with an optional note on top (what was just done). */
export function renderMyAppointments(list: AppointmentFacts[], note?: string): SlackMessage {
  const head = note ? [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(note) } }] : [];
  if (!list.length) return { text: `${note ? `${escapeMrkdwn(note)}\n` : ''}${EMPTY}`, blocks: [...head, { type: 'section', text: { type: 'mrkdwn', text: EMPTY } }] };
  const lines = list.map((a) => `• ${describeAppointment(a).slice(0, 2).join(', ')}${a.status === 'requested' ? ' (requested)' : ''}`);
  return {
    text: escapeMrkdwn([...(note ? [note] : []), 'Your upcoming bookings:', ...lines].join('\n')),
    blocks: [...head, { type: 'header', text: plain('Your upcoming bookings') }, ...list.flatMap(bookingBlocks)],
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

/** The Home tab: the viewer's bookings, then the queue when they work it. */
export function homeView(p: { bookings: AppointmentFacts[]; queue: QueueSummary | null; note?: string }): types.HomeView {
  const mine = renderMyAppointments(p.bookings, p.note).blocks;
  return { type: 'home', blocks: [...mine, ...(p.queue ? queueBlocks(p.queue) : [])] as unknown as types.HomeView['blocks'] };
}

import type { App, types } from '@slack/bolt';
import type { AppointmentFacts } from '../../contract/notifier.ts';
import type { Logger } from '../../log.ts';
import { actorOf } from './actor.ts';
import { myAppointmentsMessage } from './my-appointments.ts';
import type { MoveTime, SlackDeps } from './ports.ts';
import { escapeMrkdwn } from './render.ts';
import { describeAppointment } from './render-notice.ts';

// Reschedule on a staff member's schedule (/appointments): a modal listing the
// engine's free times for that appointment, its own provider first. The trigger_id
// expires in 3 s, so a loading view opens at once and the times replace it
// (views.update). Submitting acks at once with a "Moving…" view, then moves the
// appointment through the engine as the presser (the desk checks they may and tells
// the customer); a time taken meanwhile puts the refusal and fresh times back in the
// modal, and a move closes the loop by redrawing the schedule message in place
// through the response_url of the button's message (kept in private_metadata).

export interface MoveModalDeps extends Pick<SlackDeps, 'store' | 'config' | 'appointments'> {
  log: Logger;
}

export const MOVE_FORM = 'move_form';
const TIME_BLOCK = 'time';
const TIME_ACTION = `${MOVE_FORM}:time`;
const MAX_OPTIONS = 100;
const TITLE = { type: 'plain_text', text: 'Reschedule' } as const;
const CLOSE = { type: 'plain_text', text: 'Close' } as const;

/** What the modal carries from the press to the submission. */
interface Meta {
  appointmentId: string;
  /** The schedule message's response_url, to redraw it after the move. */
  responseUrl: string | null;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.length > 75 ? `${text.slice(0, 74)}…` : text });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

function message(text: string, meta: Meta): types.ModalView {
  return { type: 'modal', callback_id: MOVE_FORM, title: TITLE, close: CLOSE, private_metadata: JSON.stringify(meta), blocks: [section(text)] };
}

export const loadingMoveView = (meta: Meta) => message('Loading the free times…', meta);

const appointmentText = (a: AppointmentFacts) => {
  const [what, when, where] = describeAppointment(a).map(escapeMrkdwn);
  return `*${what}*\n${when}\n${where}`;
};

/** The appointment, an optional refusal, and its free times to pick from; no times: says so, nothing to submit. */
export function moveFormView(p: { facts: AppointmentFacts; times: MoveTime[]; meta: Meta; refusal?: string }): types.ModalView {
  const refusal = p.refusal ? [section(`:warning: ${escapeMrkdwn(p.refusal)}`)] : [];
  if (!p.times.length) return { ...message('', p.meta), blocks: [section(appointmentText(p.facts)), ...refusal, section('No free time in the next two weeks to move it to.')] };
  const options = p.times.slice(0, MAX_OPTIONS).map((t) => ({ text: plain(t.label), value: `${t.start}|${t.resourceId}` }));
  return {
    type: 'modal',
    callback_id: MOVE_FORM,
    title: TITLE,
    submit: { type: 'plain_text', text: 'Move' },
    close: CLOSE,
    private_metadata: JSON.stringify(p.meta),
    blocks: [
      section(appointmentText(p.facts)),
      ...refusal,
      { type: 'input', block_id: TIME_BLOCK, label: plain('New time'), hint: plain('Its own provider first, then other staff who can take it'), element: { type: 'static_select', action_id: TIME_ACTION, placeholder: plain('Pick a free time'), options } },
    ],
  } as types.ModalView;
}

/** The metadata this app put on its own view (Slack hands it back unchanged on a signed request); anything else is not ours to act on. */
function readMeta(raw: string | undefined): Meta | null {
  try {
    const meta = JSON.parse(raw ?? '') as Partial<Meta>;
    if (typeof meta.appointmentId !== 'string') return null;
    return { appointmentId: meta.appointmentId, responseUrl: typeof meta.responseUrl === 'string' ? meta.responseUrl : null };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { selected_option?: { value: string } | null }>>;

/** "2026-12-02T15:00:00.000Z|<resource id>" from the time select; null when none was picked. */
function readChoice(values: StateValues | undefined): { start: Date; resourceId: string } | null {
  const value = values?.[TIME_BLOCK]?.[TIME_ACTION]?.selected_option?.value;
  const [start, resourceId] = (value ?? '').split('|');
  if (!start || !resourceId) return null;
  return { start: new Date(start), resourceId };
}

/** Replaces the schedule message the button was on (its response_url: up to 5 uses in 30 minutes). */
async function redraw(deps: MoveModalDeps, p: { responseUrl: string; userId: string; note: string }): Promise<void> {
  const body = { replace_original: true, ...(await myAppointmentsMessage(deps, p.userId, p.note)) };
  const res = await fetch(p.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) deps.log.warn({ status: res.status, channel: 'slack' }, 'could not redraw the schedule after a move');
}

export function registerMoveModal(app: App, deps: MoveModalDeps): void {
  app.action('schedule:reschedule', async ({ body, action, ack, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const meta: Meta = { appointmentId: action.value ?? '', responseUrl: body.response_url ?? null };
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingMoveView(meta) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    const found = await deps.appointments.timesToMove({ appointmentId: meta.appointmentId, actor: await actorOf(deps, body.user.id) });
    await client.views.update({ view_id: viewId, view: found.ok ? moveFormView({ ...found, meta }) : message(escapeMrkdwn(found.message), meta) });
  });

  app.view(MOVE_FORM, async ({ ack, body, view, client }) => {
    const meta = readMeta(view.private_metadata);
    if (!meta) return void (await ack({ response_action: 'errors', errors: { [TIME_BLOCK]: 'This form is out of date; press Reschedule again.' } }));
    const choice = readChoice(view.state.values as StateValues);
    if (!choice) return void (await ack({ response_action: 'errors', errors: { [TIME_BLOCK]: 'Pick one of the free times.' } }));
    // Acked at once: the move, the fresh times and the customer's notice may take longer than Slack waits.
    await ack({ response_action: 'update', view: message('Moving the appointment…', meta) });
    const moved = await deps.appointments.rescheduleAsStaff({ appointmentId: meta.appointmentId, ...choice, actor: await actorOf(deps, body.user.id) });
    if (!moved.ok) {
      const next = moved.fresh ? moveFormView({ ...moved.fresh, meta, refusal: moved.message }) : message(escapeMrkdwn(moved.message), meta);
      return void (await client.views.update({ view_id: view.id, view: next }));
    }
    const note = `Moved: ${describeAppointment(moved.from).slice(0, 2).join(', ')} → ${describeAppointment(moved.facts).slice(0, 2).join(', ')}.`;
    await client.views.update({ view_id: view.id, view: message(escapeMrkdwn(note), meta) });
    if (meta.responseUrl) await redraw(deps, { responseUrl: meta.responseUrl, userId: body.user.id, note });
  });
}

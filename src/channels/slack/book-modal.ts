import type { App, types } from '@slack/bolt';
import type { BookingForm, FormBookable, FormField, FormRequest } from '../../contract/booking-form.ts';
import type { Logger } from '../../log.ts';
import type { PostQueue } from './post-queue.ts';
import type { SlackConfirmations, SlackStore } from './ports.ts';

// `/book` with no text: a modal to book a room or a person. The trigger_id expires in
// 3 s, so a loading view opens at once and the form replaces it (views.update) once
// the bookables are read. The time select is an external select: Slack asks for its
// options when it is opened, with the form's current values, and they are the engine's
// free times for that day, length and party size. Submitting books through the same
// engine, as the Frontdesk user linked to the Slack user who submitted; a refusal is
// shown on its field (response_action: errors), a booking is confirmed by DM (the
// Slack notifier's confirmation, as for every Slack booking).

export interface BookModalDeps {
  form: BookingForm;
  store: SlackStore;
  posts: PostQueue;
  log: Logger;
  confirmations: SlackConfirmations;
}

export const BOOK_FORM = 'book_form';
const TITLE = { type: 'plain_text', text: 'Book a room or person' } as const;
const CLOSE = { type: 'plain_text', text: 'Cancel' } as const;
/** Block ids of the form's inputs; each holds one element whose action_id is `book_form:<block id>`. */
const BLOCK: Record<FormField, string> = { bookable: 'what', date: 'date', duration: 'duration', attendees: 'attendees', time: 'time' };
const NO_TIME = 'none';
const MAX_OPTIONS = 100;

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.length > 75 ? `${text.slice(0, 74)}…` : text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const actionId = (field: FormField) => `${BOOK_FORM}:${BLOCK[field]}`;

/** "45 minutes", "1 hour", "1 h 30 min". */
export function lengthLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m) return `${h} h ${m} min`;
  return h === 1 ? '1 hour' : `${h} hours`;
}

function message(text: string): types.ModalView {
  return { type: 'modal', callback_id: BOOK_FORM, title: TITLE, close: CLOSE, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export const loadingView = (): types.ModalView => message('Loading what you can book…');

/** The form: what, date, duration, attendees, and the free times for them. */
export function formView(p: { bookables: FormBookable[]; today: string }): types.ModalView {
  const lengths = [...new Set(p.bookables.flatMap((b) => b.durations))].sort((a, b) => a - b).slice(0, MAX_OPTIONS);
  const initial = lengths.includes(60) ? 60 : lengths[0]!;
  return {
    type: 'modal',
    callback_id: BOOK_FORM,
    title: TITLE,
    submit: { type: 'plain_text', text: 'Book' },
    close: CLOSE,
    blocks: [
      {
        type: 'input',
        block_id: BLOCK.bookable,
        label: plain('What'),
        element: { type: 'static_select', action_id: actionId('bookable'), placeholder: plain('A room or a person'), options: p.bookables.slice(0, MAX_OPTIONS).map((b) => option(b.name, b.id)) },
      },
      { type: 'input', block_id: BLOCK.date, label: plain('Date'), element: { type: 'datepicker', action_id: actionId('date'), initial_date: p.today } },
      {
        type: 'input',
        block_id: BLOCK.duration,
        label: plain('Duration'),
        element: { type: 'static_select', action_id: actionId('duration'), initial_option: option(lengthLabel(initial), String(initial)), options: lengths.map((m) => option(lengthLabel(m), String(m))) },
      },
      {
        type: 'input',
        block_id: BLOCK.attendees,
        optional: true,
        label: plain('Attendees'),
        hint: plain('For a room: only rooms holding this many people'),
        element: { type: 'number_input', action_id: actionId('attendees'), is_decimal_allowed: false, min_value: '1', max_value: '1000' },
      },
      {
        type: 'input',
        block_id: BLOCK.time,
        label: plain('Time'),
        hint: plain('Free times for the choices above'),
        element: { type: 'external_select', action_id: actionId('time'), min_query_length: 0, placeholder: plain('Pick a free time') },
      },
    ],
  };
}

type StateValues = Record<string, Record<string, { selected_option?: { value: string } | null; selected_date?: string | null; value?: string | null }>>;

/** What the form says so far; `missing` names the first required field left empty. */
function readForm(values: StateValues | undefined): { request: FormRequest; time: string | null } | { missing: FormField } {
  const read = (field: FormField) => values?.[BLOCK[field]]?.[actionId(field)];
  const bookable = read('bookable')?.selected_option?.value;
  if (!bookable) return { missing: 'bookable' };
  const date = read('date')?.selected_date;
  if (!date) return { missing: 'date' };
  const duration = Number(read('duration')?.selected_option?.value);
  if (!Number.isInteger(duration) || duration < 1) return { missing: 'duration' };
  const rawAttendees = read('attendees')?.value;
  const attendees = rawAttendees ? Number(rawAttendees) : undefined;
  if (attendees !== undefined && !(Number.isInteger(attendees) && attendees >= 1)) return { missing: 'attendees' };
  const time = read('time')?.selected_option?.value ?? null;
  return { request: { bookable, date, durationMinutes: duration, ...(attendees ? { attendees } : {}) }, time: time === NO_TIME ? null : time };
}

const ASK: Record<FormField, string> = {
  bookable: 'Pick what to book.',
  date: 'Pick a date.',
  duration: 'Pick how long.',
  attendees: 'Give the number of attendees as a whole number, 1 or more.',
  time: 'Pick one of the free times.',
};

/** Opens the modal on the trigger at once, then fills it in. */
export async function openBookModal(deps: BookModalDeps, p: { client: App['client']; triggerId: string; userId: string }): Promise<void> {
  const opened = await p.client.views.open({ trigger_id: p.triggerId, view: loadingView() });
  const viewId = opened.view?.id;
  if (!viewId) return;
  const member = await deps.store.memberBySlackId(p.userId);
  let view: types.ModalView;
  if (!member) view = message('Your Slack account is not linked to a Frontdesk user yet, so you cannot book here. Ask an admin to link it.');
  else {
    const bookables = await deps.form.bookables();
    view = bookables.length ? formView({ bookables, today: await deps.form.today() }) : message('Nothing can be booked yet.');
  }
  await p.client.views.update({ view_id: viewId, view });
}

export function registerBookModal(app: App, deps: BookModalDeps): void {
  app.options<'block_suggestion'>({ action_id: actionId('time'), type: 'block_suggestion' }, async ({ body, ack }) => {
    const form = readForm((body as { view?: { state?: { values?: StateValues } } }).view?.state?.values);
    if ('missing' in form) return void (await ack({ options: [option(ASK[form.missing], NO_TIME)] }));
    const found = await deps.form.times(form.request);
    // A refusal ("No room holds 12 people") is shown where the times would be.
    if (!found.ok) return void (await ack({ options: [option(found.message, NO_TIME)] }));
    if (!found.times.length) return void (await ack({ options: [option('No free time that day', NO_TIME)] }));
    await ack({ options: found.times.map((t) => option(t.label, t.value)) });
  });

  app.view(BOOK_FORM, async ({ ack, body, view, client }) => {
    const form = readForm(view.state.values as StateValues);
    if ('missing' in form) return void (await ack({ response_action: 'errors', errors: { [BLOCK[form.missing]]: ASK[form.missing] } }));
    if (!form.time) return void (await ack({ response_action: 'errors', errors: { [BLOCK.time]: ASK.time } }));
    // Booked before the ack (milliseconds) so a refusal can stay on the form, on its field.
    const booked = await deps.form.book({ ...form.request, time: form.time, requester: { channel: 'slack', externalId: body.user.id }, idempotencyKey: `slack:view:${view.id}` });
    if (!booked.ok) return void (await ack({ response_action: 'errors', errors: { [BLOCK[booked.field]]: booked.message } }));
    await ack();
    // A confirmed booking is confirmed by the Slack notifier's DM, as every Slack booking is; a
    // request waiting for approval has no confirmation yet, so the form's own words say so.
    if (await deps.confirmations.sendOne(booked.appointmentId)) return;
    const text = `${booked.text} Use /appointments to see or change it.`;
    await deps.posts.run(body.user.id, () => client.chat.postMessage({ channel: body.user.id, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }));
  });
}

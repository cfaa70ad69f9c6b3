import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness, createResource, createService } from '../../engine/support/fixtures.ts';
import { buttonPress, commandBody, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Internal booking in Slack by form and by words. `/book` with no text opens a modal at
// once (a loading view on the trigger), fills it in with views.update, offers the free
// times of the day through an external select, and books on submission as the linked
// user, confirming by DM. Free text ("room for 6 tomorrow 2-3pm") books the same rooms.
// Now: Tue 2026-12-01 09:00 New York; rooms open 09:00–17:00 on weekdays.

let app: SlackTestApp;
let ids: { location: string; huddle: string; board: string; dana: string; meeting: string; oneToOne: string; robin: string };
const FORM = 'application/x-www-form-urlencoded';
const TITLE = { type: 'plain_text', text: 'Book a room or person' };
const CLOSE = { type: 'plain_text', text: 'Cancel' };

beforeAll(async () => {
  app = await createSlackTestApp();
  const db = app.t.db;
  const { business, location } = await createBusiness(db);
  const huddle = await createResource(db, location.id, { name: 'Huddle', kind: 'room', capacity: 4 });
  const board = await createResource(db, location.id, { name: 'Board room', kind: 'room', capacity: 10 });
  const dana = await createResource(db, location.id, { name: 'Dana Reyes' });
  const meeting = await createService(db, business.id, {
    slug: 'meeting-room', durationMinutes: 60, minDurationMinutes: 15, maxDurationMinutes: 240, durationStepMinutes: 15, slotStepMinutes: 30,
    requirements: [{ kind: 'room' }], eligible: [huddle.id, board.id],
  });
  await db.service.update({ where: { id: meeting.id }, data: { name: 'Meeting room', synonyms: ['room'] } });
  const oneToOne = await createService(db, business.id, { slug: 'consultant', durationMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 60, durationStepMinutes: 15, eligible: [dana.id] });
  await db.service.update({ where: { id: oneToOne.id }, data: { name: '1:1 with a consultant' } });
  const robin = await db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
  ids = { location: location.id, huddle: huddle.id, board: board.id, dana: dana.id, meeting: meeting.id, oneToOne: oneToOne.id, robin: robin.id };
  // The board room is taken 10–11 tomorrow.
  const taken = await app.ctx.scheduler.book({ service: 'meeting-room', start: new Date('2026-12-02T15:00:00Z'), minCapacity: 6, channel: 'api', actor: { type: 'system', id: 'test' } });
  if (!taken.ok) throw new Error(taken.message);
});
afterAll(() => app.close());

const lengths = [15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225, 240];
const lengthText = (m: number) => (m < 60 ? `${m} minutes` : m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : m === 60 ? '1 hour' : `${m / 60} hours`);
const opt = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });

function expectedForm() {
  return {
    type: 'modal',
    callback_id: 'book_form',
    title: TITLE,
    submit: { type: 'plain_text', text: 'Book' },
    close: CLOSE,
    blocks: [
      {
        type: 'input',
        block_id: 'what',
        label: { type: 'plain_text', text: 'What' },
        element: { type: 'static_select', action_id: 'book_form:what', placeholder: { type: 'plain_text', text: 'A room or a person' }, options: [opt('1:1 with a consultant', ids.oneToOne), opt('Meeting room', ids.meeting)] },
      },
      { type: 'input', block_id: 'date', label: { type: 'plain_text', text: 'Date' }, element: { type: 'datepicker', action_id: 'book_form:date', initial_date: '2026-12-01' } },
      {
        type: 'input',
        block_id: 'duration',
        label: { type: 'plain_text', text: 'Duration' },
        element: { type: 'static_select', action_id: 'book_form:duration', initial_option: opt('1 hour', '60'), options: lengths.map((m) => opt(lengthText(m), String(m))) },
      },
      {
        type: 'input',
        block_id: 'attendees',
        optional: true,
        label: { type: 'plain_text', text: 'Attendees' },
        hint: { type: 'plain_text', text: 'For a room: only rooms holding this many people' },
        element: { type: 'number_input', action_id: 'book_form:attendees', is_decimal_allowed: false, min_value: '1', max_value: '1000' },
      },
      {
        type: 'input',
        block_id: 'time',
        label: { type: 'plain_text', text: 'Time' },
        hint: { type: 'plain_text', text: 'Free times for the choices above' },
        element: { type: 'external_select', action_id: 'book_form:time', min_query_length: 0, placeholder: { type: 'plain_text', text: 'Pick a free time' } },
      },
    ],
  };
}

/** The form's state as Slack sends it with an options request or a submission. */
function values(f: { what?: string; date?: string; duration?: string; attendees?: string; time?: string }) {
  const selected = (value: string | undefined) => (value ? { selected_option: { text: { type: 'plain_text', text: 'x' }, value } } : { selected_option: null });
  return {
    what: { 'book_form:what': { type: 'static_select', ...selected(f.what) } },
    date: { 'book_form:date': { type: 'datepicker', selected_date: f.date ?? null } },
    duration: { 'book_form:duration': { type: 'static_select', ...selected(f.duration) } },
    attendees: { 'book_form:attendees': { type: 'number_input', value: f.attendees ?? null } },
    time: { 'book_form:time': { type: 'external_select', ...selected(f.time) } },
  };
}

const view = (id: string, state: ReturnType<typeof values>) => ({ id, team_id: 'T0TEAM', app_id: 'A0APP', type: 'modal', callback_id: 'book_form', hash: 'h', private_metadata: '', state: { values: state } });

async function timesFor(state: ReturnType<typeof values>): Promise<Array<{ text: { text: string }; value: string }>> {
  const res = await postSlack(
    app.url,
    payloadBody({ type: 'block_suggestion', user: { id: 'U0ROBIN', team_id: 'T0TEAM' }, team: { id: 'T0TEAM' }, api_app_id: 'A0APP', action_id: 'book_form:time', block_id: 'time', value: '', container: { type: 'view', view_id: 'V0VIEW' }, view: view('V0VIEW', state) }),
    FORM,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { options: Array<{ text: { text: string }; value: string }> }).options;
}

async function submit(state: ReturnType<typeof values>, viewId = 'V0VIEW', userId = 'U0ROBIN'): Promise<Response> {
  return postSlack(
    app.url,
    payloadBody({ type: 'view_submission', team: { id: 'T0TEAM', domain: 'frontdesk' }, user: { id: userId, username: 'robin', team_id: 'T0TEAM' }, api_app_id: 'A0APP', trigger_id: app.slackApi.triggerId(), view: view(viewId, state) }),
    FORM,
  );
}

const live = () => app.t.db.appointment.findMany({ where: { requesterUserId: ids.robin, status: { not: 'canceled' } }, include: { reservations: true }, orderBy: { startsAt: 'asc' } });

describe('/book with no text opens a modal', () => {
  it('opens a loading view on the trigger at once, then fills in the form', async () => {
    const body = commandBody(app.slackApi, { command: '/book', text: '', userId: 'U0ROBIN' });
    const trigger = new URLSearchParams(body).get('trigger_id');
    const before = { open: app.slackApi.callsTo('views.open').length, update: app.slackApi.callsTo('views.update').length };
    const res = await postSlack(app.url, body, FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const opened = (await app.slackApi.waitFor('views.open', before.open + 1))[before.open]!;
    // Bolt names the workspace the command came from.
    expect(opened.body).toEqual({
      team_id: 'T0TEAM',
      trigger_id: trigger,
      view: { type: 'modal', callback_id: 'book_form', title: TITLE, close: CLOSE, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Loading what you can book…' } }] },
    });
    const updated = (await app.slackApi.waitFor('views.update', before.update + 1))[before.update]!;
    expect(updated.body).toEqual({ team_id: 'T0TEAM', view_id: 'V0VIEW', view: expectedForm() });
  });

  it('tells a Slack user who is not linked to a Frontdesk user, instead of a form', async () => {
    const before = app.slackApi.callsTo('views.update').length;
    await postSlack(app.url, commandBody(app.slackApi, { command: '/book', text: '', userId: 'U0STRANGER' }), FORM);
    const updated = (await app.slackApi.waitFor('views.update', before + 1))[before]!;
    expect(updated.body).toEqual({
      team_id: 'T0TEAM',
      view_id: 'V0VIEW',
      view: { type: 'modal', callback_id: 'book_form', title: TITLE, close: CLOSE, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your Slack account is not linked to a Frontdesk user yet, so you cannot book here. Ask an admin to link it.' } }] },
    });
  });

  it('loads the time options from real availability: a room for 6 skips the board room’s 10–11 booking', async () => {
    const times = await timesFor(values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '6' }));
    const starts = ['09:00', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'];
    const label = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      const t = (hour: number) => `${hour % 12 || 12}:${String(m).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
      return `${t(h)} – ${t(h + 1)}`;
    };
    const utc = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00-05:00`).toISOString();
    expect(times).toEqual(starts.map((s) => opt(label(s), `${utc(s)}@${ids.location}`)));
    // Two people fit the free huddle room at 10.
    const small = await timesFor(values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '2' }));
    expect(small.map((o) => o.text.text)).toContain('10:00 AM – 11:00 AM');
  });

  it('shows why there is no time where the times would be', async () => {
    expect(await timesFor(values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '12' }))).toEqual([opt('No room for "Meeting room" holds 12 people.', 'none')]);
    expect(await timesFor(values({ date: '2026-12-02', duration: '60' }))).toEqual([opt('Pick what to book.', 'none')]);
    expect(await timesFor(values({ what: ids.meeting, date: '2026-12-05', duration: '60' }))).toEqual([opt('No free time that day', 'none')]);
  });

  it('refuses a submission on its field with response_action errors, and writes nothing', async () => {
    const before = await app.t.db.appointment.count();
    const cases: Array<[ReturnType<typeof values>, Record<string, string>]> = [
      [values({ what: ids.meeting, date: '2026-12-02', duration: '60' }), { time: 'Pick one of the free times.' }],
      [values({ what: ids.meeting, date: '2026-12-02', duration: '60', time: 'none' }), { time: 'Pick one of the free times.' }],
      [
        values({ what: ids.oneToOne, date: '2026-12-02', duration: '120', time: `2026-12-02T14:00:00.000Z@${ids.location}` }),
        { duration: '"1:1 with a consultant" can be booked for 30 to 60 minutes in steps of 15; 120 minutes is not one of them.' },
      ],
      [values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '12', time: `2026-12-02T14:00:00.000Z@${ids.location}` }), { attendees: 'No room for "Meeting room" holds 12 people.' }],
      [values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '0', time: `2026-12-02T14:00:00.000Z@${ids.location}` }), { attendees: 'Give the number of attendees as a whole number, 1 or more.' }],
      [values({ what: ids.meeting, date: '2026-12-03', duration: '60', time: `2026-12-02T14:00:00.000Z@${ids.location}` }), { time: 'Pick a time on the chosen day.' }],
    ];
    for (const [state, errors] of cases) {
      const res = await submit(state);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ response_action: 'errors', errors });
    }
    expect(await app.t.db.appointment.count()).toBe(before);
  });

  it('books the board room 11–12 for 6 people as the Slack user, and confirms by DM', async () => {
    const dms = app.slackApi.callsTo('chat.postMessage').length;
    const state = values({ what: ids.meeting, date: '2026-12-02', duration: '60', attendees: '6', time: `2026-12-02T16:00:00.000Z@${ids.location}` });
    const res = await submit(state, 'V0FORM1');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    // The confirmation is the Slack notifier's, as for every Slack booking (and reminders): from the committed record.
    const dm = (await app.slackApi.waitFor('chat.postMessage', dms + 1))[dms]!;
    expect(dm.body).toMatchObject({ channel: 'U0ROBIN' });
    expect(dm.body.text).toMatch(/^Booked: Meeting room, Wed Dec 2, 11:00 AM–12:00 PM EST, .+\. Use \/appointments to reschedule or cancel\.$/);
    expect((dm.body.blocks as Array<{ type: string }>).map((b) => b.type)).toEqual(['section', 'context']);
    const key = await app.t.db.slackMessage.findMany({ where: { channelId: 'U0ROBIN', idempotencyKey: { startsWith: 'confirmation:' } } });
    expect(key).toHaveLength(1);
    const [a] = await live();
    expect(a).toMatchObject({ serviceId: ids.meeting, channel: 'slack', status: 'confirmed', startsAt: new Date('2026-12-02T16:00:00Z'), endsAt: new Date('2026-12-02T17:00:00Z') });
    expect(a!.reservations.map((r) => r.resourceId)).toEqual([ids.board]);
    // The same form submitted twice books once, and confirms once.
    expect((await submit(state, 'V0FORM1')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(await live()).toHaveLength(1);
    expect(app.slackApi.callsTo('chat.postMessage').slice(dms).filter((c) => c.body.channel === 'U0ROBIN')).toHaveLength(1);
  });
});

describe('/book with free text books rooms by size', () => {
  type Button = { action_id: string; value: string; text: { text: string } };
  const buttons = (call: Call) => ((call.body.blocks as Array<{ type: string; elements?: Button[] }>).find((b) => b.type === 'actions')?.elements ?? []) as Button[];

  async function respondTo(body: string): Promise<Call> {
    const before = app.slackApi.callsTo('respond').length;
    expect((await postSlack(app.url, body, FORM)).status).toBe(200);
    return (await app.slackApi.waitFor('respond', before + 1))[before]!;
  }

  it('"/book room for 6 tomorrow 2-3pm" books the board room from 2 to 3pm', async () => {
    // An exact free start is proposed at once: the summary with its confirm button, no list first.
    const summary = await respondTo(commandBody(app.slackApi, { command: '/book', text: 'room for 6 tomorrow 2-3pm', userId: 'U0ROBIN' }));
    expect(JSON.stringify(summary.body)).toContain('Wed Dec 2, 2:00 PM');
    const confirm = buttons(summary).find((b) => b.value.startsWith('confirm:'))!;
    const booked = await respondTo(payloadBody(buttonPress(app.slackApi, { userId: 'U0ROBIN', actionId: confirm.action_id, value: confirm.value })));
    expect(String(booked.body.text)).toMatch(/^Booked: Meeting room, Wed Dec 2, 2:00 PM/);
    const a = (await live()).find((x) => x.startsAt.getTime() === Date.parse('2026-12-02T19:00:00Z'))!;
    expect(a).toMatchObject({ serviceId: ids.meeting, channel: 'slack', endsAt: new Date('2026-12-02T20:00:00Z') });
    expect(a.reservations.map((r) => r.resourceId)).toEqual([ids.board]);
    const room = await app.t.db.resource.findUniqueOrThrow({ where: { id: a.reservations[0]!.resourceId } });
    expect(room.capacity).toBe(10);
  });
});

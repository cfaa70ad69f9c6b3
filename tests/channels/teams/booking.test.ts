import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { activity, cardOf, executeAction, PERSONAL, postActivity, ROBIN, type Sent } from './helpers.ts';
import { createTeamsTestApp, type TeamsTestApp } from './setup.ts';

// Internal booking from Teams, end to end through the real orchestrator: free text in
// the personal chat (or an @mention in a channel) goes to the conversation as the Teams
// user the token vouched for; answers are Adaptive Cards 1.5 whose buttons are
// Action.Execute (an adaptiveCard/action invoke answered with the card that replaces
// the pressed one) with an Action.Submit fallback (a message carrying the data; the
// pressed card is updated in place through the Bot Connector).

let app: TeamsTestApp;
let salon: Fixture;
let robin: string;

beforeAll(async () => {
  app = await createTeamsTestApp();
  salon = await createSalon(app.t.db);
  robin = (await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', teamsUserId: ROBIN.aadObjectId } })).id;
});
afterAll(() => app.close());

const CARD = 'application/vnd.microsoft.card.adaptive';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A button as the cards carry it: Action.Execute with its Action.Submit fallback. */
function button(title: string, value: string, style?: 'positive' | 'destructive') {
  const data = { frontdesk: 'choice', value };
  const look = style ? { style } : {};
  return { type: 'Action.Execute', title, verb: 'choice', data, ...look, fallback: { type: 'Action.Submit', title, data, ...look } };
}

function card(text: string, actions: object[] = []) {
  const options = actions.length ? `\n${actions.map((a) => `• ${(a as { title: string }).title}`).join('\n')}` : '';
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    fallbackText: text + options,
    body: [{ type: 'TextBlock', text, wrap: true }],
    ...(actions.length ? { actions } : {}),
  };
}

async function say(text: string, conversation = PERSONAL, id?: string): Promise<Sent> {
  const before = app.microsoft.sent.length;
  const res = await postActivity(app.url, activity(app.microsoft, 'message', { text, conversation, ...(id ? { id } : {}) }), await app.microsoft.token());
  expect(res.status).toBe(200);
  return (await app.microsoft.waitForSent(before + 1))[before]!;
}

/** Presses an Action.Execute button: the HTTP answer is the invoke response. */
async function execute(value: string, pressed: string): Promise<Record<string, unknown>> {
  const res = await postActivity(app.url, executeAction(app.microsoft, { frontdesk: 'choice', value }, { replyToId: pressed }), await app.microsoft.token());
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Record<string, unknown>;
}

/** Presses a button on a client without Execute: Action.Submit sends its data as a message replying to the card. */
async function submit(value: string, pressed: string): Promise<Sent> {
  const before = app.microsoft.sent.length;
  const res = await postActivity(app.url, activity(app.microsoft, 'message', { value: { frontdesk: 'choice', value }, replyToId: pressed }), await app.microsoft.token());
  expect(res.status).toBe(200);
  return (await app.microsoft.waitForSent(before + 1))[before]!;
}

const actionsOf = (c: Record<string, unknown>) => (c.actions ?? []) as Array<{ title: string; data: { value: string }; style?: string }>;

describe('booking by text and Action.Execute', () => {
  it('books a haircut for the Teams user, from the offers card to a confirmed appointment', async () => {
    const offers = await say('haircut tomorrow afternoon');
    // The answer replies to the user's message, in their chat.
    expect(offers).toMatchObject({ method: 'POST', conversationId: PERSONAL.id, body: { type: 'message', replyToId: expect.any(String) } });
    const offered = cardOf(offers.body);
    const labels = actionsOf(offered).map((a) => a.title);
    expect(labels).toHaveLength(4);
    expect(labels[0]).toMatch(/^Wed Dec 2, 12:00 PM with (Dana|Lee)$/);
    const text = ['Openings for Haircut:', ...labels.map((l, i) => `${i + 1}) ${l}`), 'Reply with a number, or tell me another day or time.'].join('\n');
    expect(offered).toEqual(card(text, labels.map((l, i) => button(l, String(i + 1)))));
    const staff = labels[1]!.match(/with (\w+)$/)![1];

    const summary = await execute('2', offers.id!);
    const proposal = summary.value as Record<string, unknown>;
    const confirm = actionsOf(proposal)[0]!.data.value;
    expect(confirm).toMatch(/^confirm:\w+$/);
    expect(summary).toEqual({
      statusCode: 200,
      type: CARD,
      value: card(`Book Haircut on Wed Dec 2, 1:00 PM with ${staff} at Main St? Reply Y to confirm or N to change.`, [button('Confirm', confirm, 'positive'), button('Change', 'N')]),
    });

    const booked = await execute(confirm, offers.id!);
    expect(booked).toEqual({
      statusCode: 200,
      type: CARD,
      value: card(`Booked: Haircut, Wed Dec 2, 1:00 PM with ${staff}. Reply R to reschedule or C to cancel.`, [button('Reschedule', 'R'), button('Cancel', 'C', 'destructive')]),
    });
    // Execute answers in the invoke: nothing else went through the Bot Connector.
    expect(app.microsoft.sent).toHaveLength(1);

    // The same press again (a retried invoke): still one booking.
    await execute(confirm, offers.id!);
    const appts = await app.t.db.appointment.findMany({ where: { requesterUserId: robin } });
    expect(appts).toHaveLength(1);
    expect(appts[0]).toMatchObject({ status: 'confirmed', serviceId: salon.services.haircut, channel: 'teams', startsAt: new Date('2026-12-02T18:00:00Z') });
  });

  it('acts once on a redelivered message', async () => {
    await say('my bookings', PERSONAL, 'redelivered-1');
    const sent = app.microsoft.sent.length;
    const res = await postActivity(app.url, activity(app.microsoft, 'message', { text: 'my bookings', id: 'redelivered-1' }), await app.microsoft.token());
    expect(res.status).toBe(200);
    expect(app.microsoft.sent).toHaveLength(sent);
    expect(await app.t.db.message.count({ where: { externalId: 'activity:redelivered-1' } })).toBe(1);
  });
});

describe('my bookings, with the Action.Submit fallback', () => {
  it('lists the user’s bookings with Reschedule and Cancel, and cancels in place', async () => {
    const mine = await say('my bookings');
    const listed = cardOf(mine.body);
    const text = (listed.body as Array<{ text: string }>)[0]!.text;
    expect(text).toMatch(/^Your upcoming appointments:\n1\) Haircut, Wed Dec 2, 1:00 PM with \w+\nReply R to reschedule or C to cancel\.$/);
    expect(listed).toEqual(card(text, [button('Reschedule', 'R'), button('Cancel', 'C', 'destructive')]));

    const asked = await submit('C', mine.id!);
    // The pressed card is replaced in place: an update of that activity.
    expect(asked).toMatchObject({ method: 'PUT', conversationId: PERSONAL.id, activityId: mine.id });
    const question = cardOf(asked.body);
    const [yes] = actionsOf(question);
    expect(question).toEqual(card('Cancel your Haircut on Wed Dec 2, 1:00 PM? Reply Y to confirm or N to keep it.', [button('Cancel it', yes!.data.value, 'destructive'), button('Keep it', 'N')]));

    const done = await submit(yes!.data.value, mine.id!);
    expect(done).toMatchObject({ method: 'PUT', activityId: mine.id });
    expect(cardOf(done.body)).toEqual(card('Your Haircut on Wed Dec 2, 1:00 PM is canceled.'));
    expect(await app.t.db.appointment.findFirstOrThrow({ where: { requesterUserId: robin } })).toMatchObject({ status: 'canceled' });
  });

  it('answers an @mention in a channel, without the mention, in that channel', async () => {
    const channel = { id: '19:general@thread.tacv2;messageid=1700000000001', conversationType: 'channel' };
    const answer = await say('<at>Frontdesk</at> my bookings', channel);
    expect(answer).toMatchObject({ method: 'POST', conversationId: channel.id });
    expect(cardOf(answer.body).fallbackText).toBe('You have no upcoming appointments. Want to book one?');
    // Where the channel is is remembered (for proactive posts), without the thread.
    expect(await app.t.db.teamsConversation.findUnique({ where: { conversationId: '19:general@thread.tacv2' } })).toMatchObject({ conversationType: 'channel', userAadObjectId: null });
  });

  it('answers someone Teams names no Entra user for (a guest from another directory) without booking', async () => {
    const before = { conversations: await app.t.db.conversation.count(), sent: app.microsoft.sent.length };
    const guest = activity(app.microsoft, 'message', { text: 'haircut tomorrow', from: { id: '29:guest', name: 'Guest' }, conversation: { id: 'a:guest', conversationType: 'personal' } });
    expect((await postActivity(app.url, guest, await app.microsoft.token())).status).toBe(200);
    const [answer] = (await app.microsoft.waitForSent(before.sent + 1)).slice(before.sent);
    expect(cardOf(answer!.body)).toEqual(card('I can only book for people signed in to Teams with a work account of this organization.'));
    expect(await app.t.db.conversation.count()).toBe(before.conversations);
  });
});

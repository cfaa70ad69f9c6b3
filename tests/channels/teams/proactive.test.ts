import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentFacts } from '../../../src/contract/notifier.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { activity, cardOf, executeAction, PERSONAL, postActivity, ROBIN } from './helpers.ts';
import { createTeamsTestApp, type TeamsTestApp } from './setup.ts';

// What reaches a Teams user outside a turn: an answer that took longer than the budget
// (the HTTP request is answered at once, the card follows through the Bot Connector),
// and notices about their appointments, sent through the Teams notifier to the
// personal chat whose reference was stored when they last wrote.

let app: TeamsTestApp;
let release: () => void = () => {};

beforeAll(async () => {
  // The conversation waits until the test lets it go, as a slow model would; the budget is short.
  app = await createTeamsTestApp({
    answerBudgetMs: 200,
    orchestrator: (base) => ({
      end: (sender, reason) => base.end(sender, reason),
      async handle(message) {
        if (`${message.text} ${message.choiceValue ?? ''}`.includes('slowly')) await new Promise<void>((resolve) => (release = resolve));
        return base.handle(message);
      },
    }),
  });
  await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', teamsUserId: ROBIN.aadObjectId } });
});
afterAll(() => app.close());

describe('an answer slower than the budget', () => {
  it('is acknowledged at once and follows as a new message in the chat', async () => {
    const res = await postActivity(app.url, activity(app.microsoft, 'message', { text: 'haircut tomorrow afternoon, slowly' }), await app.microsoft.token());
    expect(res.status).toBe(200);
    expect(app.microsoft.sent).toHaveLength(0);
    release();
    const [late] = await app.microsoft.waitForSent(1);
    expect(late).toMatchObject({ method: 'POST', conversationId: PERSONAL.id });
    // Not a reply to the message (the turn is over): a message to the conversation.
    expect(late!.activityId).toBeUndefined();
    expect(cardOf(late!.body).fallbackText).toMatch(/^Openings for Haircut:/);
  });

  it('answers a slow button press with a note, then updates the pressed card', async () => {
    const sent = app.microsoft.sent.length;
    const res = await postActivity(app.url, executeAction(app.microsoft, { frontdesk: 'choice', value: 'slowly' }, { replyToId: 'activity-1' }), await app.microsoft.token());
    expect(await res.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Working on it…' });
    release();
    const [update] = (await app.microsoft.waitForSent(sent + 1)).slice(sent);
    expect(update).toMatchObject({ method: 'PUT', conversationId: PERSONAL.id, activityId: 'activity-1' });
  });
});

describe('notices about an appointment', () => {
  const facts: AppointmentFacts = {
    id: '00000000-0000-4000-8000-0000000000c1',
    status: 'confirmed',
    serviceName: 'Haircut',
    startsAt: new Date('2026-12-02T18:00:00Z'),
    endsAt: new Date('2026-12-02T18:30:00Z'),
    timeZone: 'America/New_York',
    locationName: 'Main St',
    locationAddress: '1 Main St, New York',
    contactPhone: null,
    businessName: 'Bright Salon',
    staffName: 'Dana',
  };

  it('reach the user’s personal chat as a card from the record, once per key', async () => {
    const notifier = app.ctx.notifiers.forChannel('teams')!;
    const sent = app.microsoft.sent.length;
    const notice = { kind: 'reminder' as const, to: { channel: 'teams' as const, address: ROBIN.aadObjectId }, idempotencyKey: `reminder:${facts.id}:120:teams`, appointment: facts };
    const first = await notifier.send(notice);
    expect(first).toMatchObject({ status: 'sent', duplicate: false });
    const [reminder] = (await app.microsoft.waitForSent(sent + 1)).slice(sent);
    expect(reminder).toMatchObject({ method: 'POST', conversationId: PERSONAL.id, body: { recipient: { id: ROBIN.id } } });
    expect(cardOf(reminder!.body)).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'Reminder: Haircut, Wed, Dec 2, 1:00 PM EST, Main St, 1 Main St, New York with Dana.',
      body: [
        { type: 'TextBlock', text: 'Reminder', wrap: true, weight: 'Bolder', size: 'Medium' },
        {
          type: 'FactSet',
          facts: [
            { title: 'What', value: 'Haircut' },
            { title: 'When', value: 'Wed, Dec 2, 1:00 PM EST' },
            { title: 'Where', value: 'Main St, 1 Main St, New York' },
            { title: 'With', value: 'Dana' },
          ],
        },
      ],
    });
    expect(await notifier.send(notice)).toEqual({ messageId: first.messageId, status: 'sent', duplicate: true });
    expect(app.microsoft.sent).toHaveLength(sent + 1);
  });

  it('renders a no-show prompt with its facts and no buttons that would do nothing', async () => {
    const notifier = app.ctx.notifiers.forChannel('teams')!;
    const sent = app.microsoft.sent.length;
    await notifier.send({ kind: 'no_show_prompt', to: { channel: 'teams', address: ROBIN.aadObjectId }, idempotencyKey: `no_show:${facts.id}`, appointment: facts, choices: [{ value: 'completed', label: 'Completed' }, { value: 'no_show', label: 'No-show' }] });
    const [prompt] = (await app.microsoft.waitForSent(sent + 1)).slice(sent);
    const card = cardOf(prompt!.body);
    expect(card.fallbackText).toBe('Did this appointment happen?: Haircut, Wed, Dec 2, 1:00 PM EST, Main St, 1 Main St, New York with Dana.');
    expect(card.actions).toBeUndefined();
  });

  it('cannot reach someone who never opened a chat with the bot, and says so', async () => {
    const notifier = app.ctx.notifiers.forChannel('teams')!;
    const sent = app.microsoft.sent.length;
    const result = await notifier.send({ kind: 'confirmation', to: { channel: 'teams', address: '00000000-0000-4000-8000-0000000000ee' }, idempotencyKey: 'confirmation:x', appointment: facts });
    expect(result).toEqual({ messageId: 'confirmation:x', status: 'failed', duplicate: false });
    expect(app.microsoft.sent).toHaveLength(sent);
  });
});

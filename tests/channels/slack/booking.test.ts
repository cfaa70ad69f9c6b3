import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { buttonPress, commandBody, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Internal booking from Slack: /book with free text goes to the orchestrator as the
// Slack user who typed it; the answer is ephemeral Block Kit through response_url;
// each button press goes back with its choice value and replaces the message; a turn
// that booked is confirmed by DM through the Slack notifier, once.

let app: SlackTestApp;
let salon: Fixture;
let robin: string;
const FORM = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  robin = (await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } })).id;
});
afterAll(() => app.close());

async function command(command: string, text: string, userId = 'U0ROBIN'): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  const res = await postSlack(app.url, commandBody(app.slackApi, { command, text, userId }), FORM);
  // The ack is an empty 200: the answer follows through response_url.
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

async function press(value: string, index: number): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  const res = await postSlack(app.url, payloadBody(buttonPress(app.slackApi, { userId: 'U0ROBIN', actionId: `book:choice:${index}`, value })), FORM);
  expect(res.status).toBe(200);
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

type Button = { type: string; action_id: string; value: string; text: { text: string }; style?: string; confirm?: unknown };
const buttons = (call: Call) => ((call.body.blocks as Array<{ type: string; elements?: Button[] }>).find((b) => b.type === 'actions')?.elements ?? []) as Button[];

describe('/book with free text', () => {
  it('books a haircut for the Slack user, from offers to a confirmed appointment', async () => {
    const offers = await command('/book', 'haircut tomorrow afternoon');
    expect(offers.body.response_type).toBe('ephemeral');
    expect(String(offers.body.text)).toMatch(/1\) Wed Dec 2/);
    const offered = buttons(offers);
    expect(offered.length).toBeGreaterThan(1);
    expect(offered[0]).toEqual({ type: 'button', action_id: 'book:choice:0', value: '1', text: { type: 'plain_text', text: expect.stringMatching(/^Wed Dec 2, 12:00 PM with (Dana|Lee)$/) } });
    // Whoever the router picked for the second offer does the haircut.
    const staff = offered[1]!.text.text.match(/with (\w+)$/)![1];
    // The fallback text names every option the buttons offer.
    for (const b of offered) expect(String(offers.body.text)).toContain(b.text.text);

    const summary = await press(offered[1]!.value, 1);
    expect(summary.body.replace_original).toBe(true);
    const confirm = buttons(summary).find((b) => b.value.startsWith('confirm:'));
    expect(buttons(summary)).toEqual([
      { type: 'button', action_id: 'book:choice:0', text: { type: 'plain_text', text: 'Confirm' }, value: expect.stringMatching(/^confirm:/), style: 'primary' },
      { type: 'button', action_id: 'book:choice:1', text: { type: 'plain_text', text: 'Change' }, value: 'N' },
    ]);
    expect(String(summary.body.text)).toBe(`Book Haircut on Wed Dec 2, 1:00 PM with ${staff} at Main St? Reply Y to confirm or N to change.\n• Confirm\n• Change`);

    const confirmPress = payloadBody(buttonPress(app.slackApi, { userId: 'U0ROBIN', actionId: confirm!.action_id, value: confirm!.value }));
    const responds = app.slackApi.callsTo('respond').length;
    expect((await postSlack(app.url, confirmPress, FORM)).status).toBe(200);
    const booked = (await app.slackApi.waitFor('respond', responds + 1))[responds]!;
    expect(booked.body.replace_original).toBe(true);
    const words = `Booked: Haircut, Wed Dec 2, 1:00 PM with ${staff}. Reply R to reschedule or C to cancel.`;
    expect(booked.body).toEqual({ replace_original: true, text: words, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: words } }] });

    // The same signed press again (a replay within the window, a proxy's retry): still one booking.
    expect((await postSlack(app.url, confirmPress, FORM)).status).toBe(200);
    await app.slackApi.waitFor('respond', responds + 2);
    const appts = await app.t.db.appointment.findMany({ where: { requesterUserId: robin } });
    expect(appts).toHaveLength(1);
    expect(appts[0]).toMatchObject({ status: 'confirmed', serviceId: salon.services.haircut, channel: 'slack', startsAt: new Date('2026-12-02T18:00:00Z') });

    // The booking is confirmed by DM through the Slack notifier (as reminders are), once, despite the replay.
    const dms = (await app.slackApi.waitFor('chat.postMessage', 1)).filter((c) => c.body.channel === 'U0ROBIN');
    expect(dms).toHaveLength(1);
    expect(dms[0]!.body.text).toBe(`Booked: Haircut with ${staff}, Wed Dec 2, 1:00 PM–1:30 PM EST, Main St, 12 Main St, New York, NY. Use /appointments to reschedule or cancel.`);
    expect(await app.t.db.slackMessage.findMany({ where: { idempotencyKey: `confirmation:${appts[0]!.id}:slack` } })).toHaveLength(1);
  });

  it('lists the user’s bookings with /appointments, and only theirs', async () => {
    await app.t.db.user.create({ data: { name: 'Sam', role: 'staff', slackUserId: 'U0SAM' } });
    const mine = await command('/appointments', '');
    expect(mine.body.response_type).toBe('ephemeral');
    expect(String(mine.body.text)).toMatch(/Wed Dec 2.*1:00 PM/);
    const theirs = await command('/appointments', '', 'U0SAM');
    expect(String(theirs.body.text)).not.toMatch(/1:00 PM/);
  });

  it('offers cancelling with a confirm dialog on the destructive button', async () => {
    await command('/book', 'cancel my appointment');
    const asked = app.slackApi.callsTo('respond').at(-1)!;
    const danger = buttons(asked).filter((b) => b.style === 'danger');
    expect(danger.length).toBeGreaterThan(0);
    for (const b of danger) {
      expect(b.confirm).toEqual({
        title: { type: 'plain_text', text: 'Are you sure?' },
        text: { type: 'plain_text', text: `${b.text.text}?` },
        confirm: { type: 'plain_text', text: b.text.text },
        deny: { type: 'plain_text', text: 'Go back' },
        style: 'danger',
      });
    }
  });
});

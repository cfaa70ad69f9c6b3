import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { buttonPress, commandBody, homeOpened, payloadBody, postSlack, type Call } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// A Slack user who is staff (linked to a staff resource) sees, after their own
// bookings, their schedule today: the appointments they provide, in the business's
// day, each with Reschedule (move-modal.test.ts) and Cancel; /book list and the App Home
// tab show the same. Cancelling one redraws the message in place (response_url, replace_original). A colleague who is not staff sees no schedule.

let app: SlackTestApp;
let salon: Fixture;
const FORM = 'application/x-www-form-urlencoded';
// NOW is 9:00 AM in New York on Tue Dec 1.
const TODAY = '2026-12-01T17:00:00Z';
const TOMORROW = '2026-12-02T17:00:00Z';

beforeAll(async () => {
  app = await createSlackTestApp();
  salon = await createSalon(app.t.db);
  await app.t.db.user.create({ data: { name: 'Dana', role: 'staff', slackUserId: 'U0DANA', resourceId: salon.staff.dana } });
  await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
});
afterAll(() => app.close());

async function customerBooks(start: string, phone: string): Promise<string> {
  const customer = await app.t.db.customer.create({ data: { name: 'Ana', phone } });
  const r = await app.ctx.scheduler.book({ service: salon.services.haircut, start: new Date(start), resourceId: salon.staff.dana, customerId: customer.id, channel: 'sms', actor: { type: 'customer', id: customer.id } });
  if (!r.ok) throw new Error(r.message);
  return r.appointment.id;
}

async function command(name: string, text: string, userId: string): Promise<Call> {
  const before = app.slackApi.callsTo('respond').length;
  expect((await postSlack(app.url, commandBody(app.slackApi, { command: name, text, userId }), FORM)).status).toBe(200);
  return (await app.slackApi.waitFor('respond', before + 1))[before]!;
}

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Array<{ action_id: string; value: string }> };
const blocksOf = (call: Call) => call.body.blocks as Block[];

describe('a staff member’s schedule today', () => {
  let today: string;

  it('is listed by /appointments after their bookings, today only, each with Reschedule and Cancel', async () => {
    today = await customerBooks(TODAY, '+12125550111');
    await customerBooks(TOMORROW, '+12125550112');
    const list = await command('/appointments', '', 'U0DANA');
    const blocks = blocksOf(list);
    expect(blocks.filter((b) => b.type === 'header').map((b) => b.text!.text)).toEqual(['Your schedule today']);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions.map((b) => b.block_id)).toEqual([`schedule:${today}`]);
    expect(actions[0]!.elements!.map((e) => [e.action_id, e.value])).toEqual([
      ['schedule:reschedule', today],
      ['appointment:cancel', today],
    ]);
    expect(blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Haircut with Dana*'))!.text!.text).toContain('Tue Dec 1, 12:00 PM–12:30 PM EST');
    expect(String(list.body.text)).toContain('Your schedule today:\n• Haircut with Dana, Tue Dec 1, 12:00 PM–12:30 PM EST');
  });

  it('is on their App Home tab too, after their bookings', async () => {
    expect((await postSlack(app.url, homeOpened('U0DANA', 'Ev0DANAHOME'), 'application/json')).status).toBe(200);
    const [published] = await app.slackApi.waitFor('views.publish');
    const blocks = (published!.body.view as { blocks: Block[] }).blocks;
    // Staff work their own exceptions, so the queue follows the schedule.
    expect(blocks.filter((b) => b.type === 'header').map((b) => b.text!.text)).toEqual(['Your schedule today', 'Open exceptions: 0']);
    expect(blocks.filter((b) => b.type === 'actions').map((b) => b.block_id)).toEqual([`schedule:${today}`]);
  });

  it('is what /book list shows too', async () => {
    const viaBook = await command('/book', 'list', 'U0DANA');
    const viaList = await command('/appointments', '', 'U0DANA');
    expect(viaBook.body).toEqual(viaList.body);
  });

  it('lets them cancel one of theirs, redrawing the message in place', async () => {
    const before = app.slackApi.callsTo('respond').length;
    const press = buttonPress(app.slackApi, { userId: 'U0DANA', actionId: 'appointment:cancel', value: today });
    expect((await postSlack(app.url, payloadBody(press), FORM)).status).toBe(200);
    const redrawn = (await app.slackApi.waitFor('respond', before + 1))[before]!;
    expect(redrawn.body.replace_original).toBe(true);
    expect(blocksOf(redrawn)[0]!.text!.text).toBe('Canceled: Haircut with Dana, Tue Dec 1, 12:00 PM–12:30 PM EST.');
    expect(blocksOf(redrawn).filter((b) => b.type === 'actions')).toEqual([]);
    expect(String(redrawn.body.text)).toContain('Your schedule today: Nothing on your schedule today.');
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id: today } })).status).toBe('canceled');
  });

  it('is not shown to a colleague who is not staff', async () => {
    const list = await command('/appointments', '', 'U0ROBIN');
    expect(blocksOf(list).some((b) => b.type === 'header' && b.text?.text === 'Your schedule today')).toBe(false);
  });
});

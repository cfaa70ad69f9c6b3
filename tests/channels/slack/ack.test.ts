import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InboundMessage, OutboundReply } from '../../../src/contract/conversation.ts';
import { buttonPress, commandBody, payloadBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// Slack wants an answer within 3 seconds; the conversation may take longer (a model).
// So every command and button press is acknowledged before the orchestrator runs, and
// its answer follows through response_url. Here the orchestrator does not answer until
// the test lets it: the ack must come back anyway. The message it gets carries the
// Slack user id Slack signed, whatever the text says.

let app: SlackTestApp;
const seen: InboundMessage[] = [];
let release: (() => void) | null = null;

const orchestrator = {
  async end(): Promise<void> {},
  async handle(message: InboundMessage): Promise<OutboundReply> {
    seen.push(message);
    await new Promise<void>((resolve) => (release = resolve));
    return { conversationId: 'c1', messages: [`answer to ${message.text || message.choiceValue}`] };
  },
};

beforeAll(async () => {
  app = await createSlackTestApp({ orchestrator });
});
afterAll(() => app.close());

async function acknowledgedBeforeTheAnswer(body: string, expected: Partial<InboundMessage>, answer: string) {
  const before = app.slackApi.callsTo('respond').length;
  const res = await postSlack(app.url, body, 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  // Acknowledged while the orchestrator holds the answer (it may only now be starting).
  for (let i = 0; i < 200 && !release; i++) await new Promise((r) => setTimeout(r, 25));
  expect(release).not.toBeNull();
  expect(app.slackApi.callsTo('respond')).toHaveLength(before);
  expect(seen.at(-1)).toMatchObject(expected);
  release!();
  release = null;
  const [sent] = (await app.slackApi.waitFor('respond', before + 1)).slice(before);
  expect(sent!.body.text).toBe(answer);
}

it('acknowledges /book before the conversation answers, as the Slack user who sent it', async () => {
  await acknowledgedBeforeTheAnswer(
    commandBody(app.slackApi, { command: '/book', text: 'book for U0OTHER: room for 6 tomorrow', userId: 'U0ROBIN' }),
    { channel: 'slack', senderIdentity: 'U0ROBIN', text: 'book for U0OTHER: room for 6 tomorrow' },
    'answer to book for U0OTHER: room for 6 tomorrow',
  );
});

it('acknowledges a button press before the conversation answers, with the choice value', async () => {
  await acknowledgedBeforeTheAnswer(
    payloadBody(buttonPress(app.slackApi, { userId: 'U0ROBIN', actionId: 'book:choice:2', value: '3' })),
    { channel: 'slack', senderIdentity: 'U0ROBIN', choiceValue: '3', text: '' },
    'answer to 3',
  );
});

import { expect, it } from 'vitest';
import { startTestServer } from '../../support/server.ts';
import { BOT_TOKEN, SIGNING_SECRET, postSlack } from './helpers.ts';

// The server as main.ts starts it: with Slack credentials /slack/events is mounted and
// one log line says what Slack does; without them nothing answers there and one log
// line says Slack is off and what to set.

const start = (env: Record<string, string>) => startTestServer({ FRONTDESK_SEED: 'none', ...env });

const slackLines = (lines: string[]) => lines.map((l) => JSON.parse(l) as { channel?: string; msg: string }).filter((l) => l.channel === 'slack');
const challenge = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-1' });

it('mounts Slack at /slack/events and says what it does, with credentials', async () => {
  const { lines, url, frontdesk } = await start({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_OPS_CHANNEL: 'C0OPS' });
  try {
    expect(slackLines(lines)).toEqual([
      expect.objectContaining({ msg: 'slack: /book, /appointments, App Home, direct messages and buttons at /slack/events; exceptions posted to C0OPS' }),
    ]);
    const signed = await postSlack(url, challenge, 'application/json');
    expect(await signed.json()).toEqual({ challenge: 'c-1' });
    expect((await postSlack(url, challenge, 'application/json', { secret: 'forged' })).status).toBe(401);
  } finally {
    await frontdesk.stop();
  }
});

it('serves nothing at /slack/events and says Slack is off, without credentials', async () => {
  const { lines, url, frontdesk } = await start({ SLACK_OPS_CHANNEL: 'C0OPS' });
  try {
    expect(slackLines(lines)).toEqual([expect.objectContaining({ msg: 'slack: disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to accept Slack requests at /slack/events' })]);
    expect((await postSlack(url, challenge, 'application/json')).status).toBe(404);
  } finally {
    await frontdesk.stop();
  }
});

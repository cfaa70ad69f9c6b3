import { expect, it } from 'vitest';
import { startTestServer } from '../../support/server.ts';
import { APP_ID, OPS_CHANNEL, TENANT_ID, activity, fakeMicrosoft, postActivity } from './helpers.ts';

// The server as main.ts starts it: with Teams credentials /api/messages is mounted
// (a valid Bot Connector token is answered, a forged one refused) and one log line says
// what Teams does; without them nothing answers there and one line says what to set.

const start = (env: Record<string, string>) => startTestServer({ FRONTDESK_SEED: 'none', ...env });
const teamsLines = (lines: string[]) => lines.map((l) => JSON.parse(l) as { channel?: string; msg: string }).filter((l) => l.channel === 'teams' && l.msg.startsWith('teams:'));

it('mounts Teams at /api/messages and says what it does, with credentials', async () => {
  const microsoft = await fakeMicrosoft();
  const { lines, url, frontdesk } = await start({
    TEAMS_APP_ID: APP_ID,
    TEAMS_TENANT_ID: TENANT_ID,
    TEAMS_AUTH_SIDECAR_URL: microsoft.url,
    TEAMS_AUTHORITY: microsoft.url,
    TEAMS_OPS_CHANNEL: OPS_CHANNEL,
  });
  try {
    expect(teamsLines(lines)).toEqual([expect.objectContaining({ msg: `teams: personal chat, @mentions and Adaptive Card actions at /api/messages; exceptions posted to ${OPS_CHANNEL}` })]);
    const hello = activity(microsoft, 'message', { text: 'help' });
    expect((await postActivity(url, hello, await microsoft.token({ forged: true }))).status).toBe(401);
    expect((await postActivity(url, hello, await microsoft.token())).status).toBe(200);
    const [answer] = await microsoft.waitForSent(1);
    expect(answer!.body.type).toBe('message');
  } finally {
    await frontdesk.stop();
    await microsoft.close();
  }
});

it('serves nothing at /api/messages and says Teams is off, without credentials', async () => {
  const { lines, url, frontdesk } = await start({ TEAMS_APP_ID: APP_ID });
  try {
    expect(teamsLines(lines)).toEqual([expect.objectContaining({ msg: 'teams: disabled: set TEAMS_TENANT_ID, TEAMS_APP_PASSWORD to accept Teams activities at /api/messages' })]);
    expect((await postActivity(url, { type: 'message' }, null)).status).toBe(404);
  } finally {
    await frontdesk.stop();
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../api/fixtures.ts';
import { createSalon } from '../../conversation/support/fixture.ts';
import { APP_ID, OUTBOUND_TOKEN, activity, postActivity } from './helpers.ts';
import { createTeamsTestApp, type TeamsTestApp } from './setup.ts';

// POST /api/messages is authenticated by the Agents SDK's JWT validation against the
// authority's keys (here a local JWKS): a valid Bot Connector token is handled; a
// missing, forged, expired or wrong-audience token gets 401 and writes nothing.

let app: TeamsTestApp;

beforeAll(async () => {
  app = await createTeamsTestApp();
  await createSalon(app.t.db);
});
afterAll(() => app.close());

const hello = () => activity(app.microsoft, 'message', { text: 'hello' });

describe('POST /api/messages authentication', () => {
  const refused: Array<[string, () => Promise<string | null>]> = [
    ['no token', async () => null],
    ['a token signed with another key', () => app.microsoft.token({ forged: true })],
    ['an expired token', () => app.microsoft.token({ expiresInSeconds: -3600 })],
    ['a token for another app', () => app.microsoft.token({ claims: { aud: '11111111-1111-4111-8111-111111111111' } })],
    ['a token from another issuer', () => app.microsoft.token({ claims: { iss: 'https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222/v2.0' } })],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
  ];

  it.each(refused)('refuses %s with 401 and writes nothing', async (_what, token) => {
    const before = await snapshot(app);
    const conversations = await app.t.db.teamsConversation.count();
    const res = await postActivity(app.url, hello(), await token());
    expect(res.status).toBe(401);
    expect(await snapshot(app)).toEqual(before);
    expect(await app.t.db.teamsConversation.count()).toBe(conversations);
    expect(await app.t.db.teamsActivity.count()).toBe(0);
    expect(app.microsoft.sent).toHaveLength(0);
  });

  it('handles an activity with a valid token, and answers with the app’s own token', async () => {
    const res = await postActivity(app.url, hello(), await app.microsoft.token());
    expect(res.status).toBe(200);
    const [reply] = await app.microsoft.waitForSent(1);
    expect(reply!.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(reply!.body).toMatchObject({ type: 'message', from: { id: `28:${APP_ID}` }, recipient: { id: '29:robin' } });
    expect(await app.t.db.teamsActivity.count()).toBe(1);
  });
});

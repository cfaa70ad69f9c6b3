import { describe, expect, it } from 'vitest';
import { ConfigError, describeChannels, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('starts on defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.FRONTDESK_DATA_DIR).toBe('./.data');
    expect(c.FRONTDESK_SEED).toBe('demo');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['FRONTDESK_ADMIN_TOKEN', 'short'],
    ['TWILIO_ACCOUNT_SID', 'not-a-sid'],
    ['TWILIO_FROM_NUMBER', '555-1234'],
    ['SLACK_BOT_TOKEN', 'xoxp-user-token'],
    ['PUBLIC_URL', 'example.com'],
    ['FRONTDESK_SEED', 'everything'],
    ['TRUST_PROXY_HOPS', 'true'],
    ['TRUST_PROXY_HOPS', '-1'],
    ['RATE_LIMIT_ADMIN_REQUESTS', '-5'],
    ['RATE_LIMIT_WEBHOOK_REQUESTS', 'lots'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
  ])('rejects a malformed %s with a message naming it', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toContain(name);
    }
  });

  it('disables each channel without credentials, with a reason naming what to set', () => {
    const channels = describeChannels(loadConfig({}));
    expect(channels.every((c) => !c.enabled)).toBe(true);
    expect(channels.find((c) => c.name === 'sms')?.reason).toContain('TWILIO_AUTH_TOKEN');
    const sms = describeChannels(loadConfig({ TWILIO_AUTH_TOKEN: 'secret' })).find((c) => c.name === 'sms');
    expect(sms?.enabled).toBe(true);
  });

  it('trusts no proxy hop and limits requests unless told otherwise', () => {
    const c = loadConfig({});
    expect(c.TRUST_PROXY_HOPS).toBe(0);
    expect(c.RATE_LIMIT_ADMIN_REQUESTS).toBeGreaterThan(0);
    expect(c.RATE_LIMIT_WEBHOOK_REQUESTS).toBeGreaterThan(0);
    expect(loadConfig({ TRUST_PROXY_HOPS: '2', RATE_LIMIT_ADMIN_REQUESTS: '0' })).toMatchObject({ TRUST_PROXY_HOPS: 2, RATE_LIMIT_ADMIN_REQUESTS: 0 });
  });
});

describe('describeChannels', () => {
  const TEAMS = { TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a991', TEAMS_TENANT_ID: '00000000-0000-4000-8000-0000000071d1', TEAMS_APP_PASSWORD: 'secret' };
  const everything = loadConfig({
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_APP_TOKEN: 'xapp-1-2',
    TEAMS_APP_ID: 'app-id',
    TEAMS_APP_PASSWORD: 'app-password',
  });
  const slack = (c: Record<string, string>) => describeChannels(loadConfig(c)).find((s) => s.name === 'slack')!;

  it('says Teams is enabled once the app id, tenant and password (or a token sidecar) are set', () => {
    const teams = (c: Record<string, string>) => describeChannels(loadConfig(c)).find((s) => s.name === 'teams')!;
    expect(teams({ ...TEAMS, TEAMS_OPS_CHANNEL: '19:ops@thread.tacv2' })).toEqual({
      name: 'teams',
      enabled: true,
      reason: 'personal chat, @mentions and Adaptive Card actions at /api/messages; exceptions posted to 19:ops@thread.tacv2',
    });
    const { TEAMS_APP_PASSWORD: _password, ...sidecar } = TEAMS;
    expect(teams({ ...sidecar, TEAMS_AUTH_SIDECAR_URL: 'http://127.0.0.1:5178' }).enabled).toBe(true);
  });

  it('says Teams is disabled, and what to set, until it has its credentials', () => {
    expect(describeChannels(loadConfig({})).find((c) => c.name === 'teams')).toEqual({
      name: 'teams',
      enabled: false,
      reason: 'disabled: set TEAMS_APP_ID, TEAMS_TENANT_ID, TEAMS_APP_PASSWORD to accept Teams activities at /api/messages',
    });
    expect(describeChannels(everything).find((c) => c.name === 'teams')).toEqual({
      name: 'teams',
      enabled: false,
      reason: 'disabled: set TEAMS_TENANT_ID to accept Teams activities at /api/messages',
    });
  });

  it('says Slack is disabled, and what to set, until both the signing secret and the bot token are set', () => {
    expect(slack({})).toEqual({ name: 'slack', enabled: false, reason: 'disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to accept Slack requests at /slack/events' });
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({ name: 'slack', enabled: false, reason: 'disabled: set SLACK_SIGNING_SECRET to accept Slack requests at /slack/events' });
    expect(slack({ SLACK_SIGNING_SECRET: 's' })).toEqual({ name: 'slack', enabled: false, reason: 'disabled: set SLACK_BOT_TOKEN to accept Slack requests at /slack/events' });
  });

  it('says what Slack does when configured, and that it also receives over Socket Mode with an app token', () => {
    expect(slack({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).reason).toBe('/book, /appointments, App Home, direct messages and buttons at /slack/events; no exception posting (set SLACK_OPS_CHANNEL)');
    expect(slack({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_OPS_CHANNEL: 'C0OPS' })).toEqual({
      name: 'slack',
      enabled: true,
      reason: '/book, /appointments, App Home, direct messages and buttons at /slack/events; exceptions posted to C0OPS',
    });
    expect(describeChannels(everything).find((c) => c.name === 'slack')!.reason).toMatch(/^\/book, \/appointments, App Home, direct messages and buttons over Socket Mode \(SLACK_APP_TOKEN\) and at \/slack\/events; /);
  });

  it('takes the Slack API URL and the default role of unknown Slack users from the environment', () => {
    expect(loadConfig({})).toMatchObject({ SLACK_API_URL: 'https://slack.com/api/', SLACK_DEFAULT_ROLE: 'viewer', SLACK_RERAISE_MINUTES: 60 });
    expect(loadConfig({ SLACK_RERAISE_MINUTES: '0' }).SLACK_RERAISE_MINUTES).toBe(0);
    expect(() => loadConfig({ SLACK_RERAISE_MINUTES: '-5' })).toThrow(/SLACK_RERAISE_MINUTES/);
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9/api', SLACK_DEFAULT_ROLE: 'staff' })).toMatchObject({ SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_DEFAULT_ROLE: 'staff' });
    expect(() => loadConfig({ SLACK_DEFAULT_ROLE: 'admin' })).toThrow(/SLACK_DEFAULT_ROLE/);
  });
});

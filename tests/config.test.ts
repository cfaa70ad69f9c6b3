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
  // There is no Slack or Teams code in this version: credentials must not make them look enabled.
  const everything = loadConfig({
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-1-2-3',
    SLACK_APP_TOKEN: 'xapp-1-2',
    TEAMS_APP_ID: 'app-id',
    TEAMS_APP_PASSWORD: 'app-password',
  });

  it.each([
    ['slack', 'SLACK_'],
    ['teams', 'TEAMS_'],
  ])('says %s is not available and its settings are ignored, even with credentials', (name, prefix) => {
    const channel = describeChannels(everything).find((c) => c.name === name)!;
    expect(channel.enabled).toBe(false);
    expect(channel.reason).toBe(`not available in this version; the ${prefix}* settings are ignored`);
  });

  it.each(['slack', 'teams'])('says %s is not available without mentioning settings nobody set', (name) => {
    expect(describeChannels(loadConfig({})).find((c) => c.name === name)).toEqual({ name, enabled: false, reason: 'not available in this version' });
  });
});

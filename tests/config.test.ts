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
    expect(channels.find((c) => c.name === 'slack')?.reason).toContain('SLACK_SIGNING_SECRET');
    const sms = describeChannels(loadConfig({ TWILIO_AUTH_TOKEN: 'secret' })).find((c) => c.name === 'sms');
    expect(sms?.enabled).toBe(true);
  });
});

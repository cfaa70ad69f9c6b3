import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PUBLIC_URL } from '../sms/helpers.ts';
import { commandBody, postSlack } from './helpers.ts';
import { createSlackTestApp, type SlackTestApp } from './setup.ts';

// The app manifest creates the Slack app as-is: it parses, every URL in it is under
// PUBLIC_URL (once the placeholder is replaced) at a path the app serves, and every
// slash command it declares gets an answer from the app.

interface Manifest {
  features: { slash_commands: Array<{ command: string; url: string }>; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string }; socket_mode_enabled: boolean };
}

const PLACEHOLDER = 'https://frontdesk.example.com';
const manifest = parse(readFileSync('manifests/slack/manifest.yaml', 'utf8').replaceAll(PLACEHOLDER, PUBLIC_URL)) as Manifest;
let app: SlackTestApp;

beforeAll(async () => {
  app = await createSlackTestApp();
});
afterAll(() => app.close());

const urls = () => [...manifest.features.slash_commands.map((c) => c.url), manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.settings.interactivity.message_menu_options_url];

it('declares the two commands, HTTP delivery, the Home tab, and the scopes and events they need', () => {
  expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/book', '/appointments']);
  expect(manifest.settings.socket_mode_enabled).toBe(false);
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
  expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  expect(manifest.settings.event_subscriptions.bot_events).toEqual(['message.im', 'app_home_opened']);
  expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'im:history']);
});

it('points every URL under PUBLIC_URL at an endpoint the app serves (it answers Slack’s challenge)', async () => {
  for (const url of urls()) {
    expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    const path = url.slice(PUBLIC_URL.length);
    const body = JSON.stringify({ type: 'url_verification', token: 't', challenge: `challenge-${path}` });
    const res = await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => null);
    // Unsigned: refused, which proves the route exists and verifies.
    expect(res?.status).toBe(401);
    const signed = await postSlack(app.url, body, 'application/json');
    expect(await signed.json()).toEqual({ challenge: `challenge-${path}` });
  }
});

it('answers every slash command the manifest declares', async () => {
  for (const { command } of manifest.features.slash_commands) {
    const before = app.slackApi.callsTo('respond').length;
    const res = await postSlack(app.url, commandBody(app.slackApi, { command, text: 'help', userId: 'U0SOMEONE' }), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const [answer] = (await app.slackApi.waitFor('respond', before + 1)).slice(before);
    expect(answer!.body.response_type).toBe('ephemeral');
    expect(String(answer!.body.text).length).toBeGreaterThan(0);
  }
});

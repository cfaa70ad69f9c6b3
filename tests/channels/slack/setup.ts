import { createBookingForm } from '../../../src/booking-form/index.ts';
import { createSlackChannel, type SlackChannel } from '../../../src/channels/slack/app.ts';
import { createSmsNotifier } from '../../../src/channels/sms/notifier.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { slackDeps, smsDeps } from '../../../src/context.ts';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../../src/conversation/providers/offline/provider.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, type FakeTwilio } from '../sms/helpers.ts';
import { BOT_TOKEN, OPS_CHANNEL, SIGNING_SECRET, fakeSlack, type FakeSlack } from './helpers.ts';

// The app as production wires it, with both channels: Slack at /slack (its Web API
// client on the fake Slack), SMS at /webhooks/twilio (its REST client on a fake
// Twilio), the offline model, and the app clock fixed for the calendar.

export interface SlackTestApp extends TestApp {
  slackApi: FakeSlack;
  twilioApi: FakeTwilio;
  slack: SlackChannel;
}

export const NOW = '2026-12-01T14:00:00Z';

export async function createSlackTestApp(opts: { env?: Record<string, string>; orchestrator?: Orchestrator } = {}): Promise<SlackTestApp> {
  const env = opts.env ?? {};
  const slackApi = await fakeSlack();
  const twilioApi = fakeTwilio();
  const clock = () => new Date(NOW);
  let slack: SlackChannel | null = null;
  const orchestratorOf = (ctx: Parameters<typeof slackDeps>[0] & { scheduler: TestApp['ctx']['scheduler']; clock: () => Date }) =>
    opts.orchestrator ??
    createOrchestrator({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, log: ctx.log, provider: createOfflineProvider() });
  const app = await createTestApp({
    clock,
    env: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slackApi.apiUrl,
      SLACK_OPS_CHANNEL: OPS_CHANNEL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_FROM_NUMBER: '+15005550006',
      PUBLIC_URL,
      ...env,
    },
    notifiers: (ctx) => {
      // Posts are not spaced here: post-queue.test.ts covers the spacing with fake timers.
      slack = createSlackChannel({ ...slackDeps(ctx), orchestrator: orchestratorOf(ctx), bookingForm: createBookingForm(ctx), postIntervalMs: 0 });
      return [createSmsNotifier(createSmsSender(smsDeps(ctx), { httpClient: twilioApi })), slack!.notifier];
    },
    routers: (ctx) => [
      { path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: orchestratorOf(ctx), sender: createSmsSender(smsDeps(ctx), { httpClient: twilioApi }) }).router },
      { path: '/slack', router: slack!.router },
    ],
  });
  const close = app.close;
  return {
    ...app,
    slackApi,
    twilioApi,
    slack: slack!,
    async close() {
      await close();
      await slackApi.close();
    },
  };
}

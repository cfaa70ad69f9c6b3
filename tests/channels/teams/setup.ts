import { createSmsNotifier } from '../../../src/channels/sms/notifier.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { createTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/app.ts';
import { smsDeps, teamsDeps } from '../../../src/context.ts';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../../src/conversation/providers/offline/provider.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, type FakeTwilio } from '../sms/helpers.ts';
import { APP_ID, OPS_CHANNEL, TENANT_ID, fakeMicrosoft, type FakeMicrosoft } from './helpers.ts';

// The app as production wires it, with SMS and Teams: Teams at /api/messages, its
// token validation pointed at the fake authority's keys and its own tokens at the
// fake sidecar, its replies at the fake Bot Connector; SMS on a fake Twilio; the
// offline model; the app clock fixed for the calendar.

export interface TeamsTestApp extends TestApp {
  microsoft: FakeMicrosoft;
  twilioApi: FakeTwilio;
  teams: TeamsChannel;
}

export const NOW = '2026-12-01T14:00:00Z';

export async function createTeamsTestApp(opts: { env?: Record<string, string>; orchestrator?: (base: Orchestrator) => Orchestrator; answerBudgetMs?: number } = {}): Promise<TeamsTestApp> {
  const microsoft = await fakeMicrosoft();
  const twilioApi = fakeTwilio();
  const clock = () => new Date(NOW);
  let teams: TeamsChannel | null = null;
  const orchestratorOf = (ctx: TestApp['ctx']) => {
    const base = createOrchestrator({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, log: ctx.log, provider: createOfflineProvider() });
    return opts.orchestrator ? opts.orchestrator(base) : base;
  };
  const app = await createTestApp({
    clock,
    env: {
      TEAMS_APP_ID: APP_ID,
      TEAMS_TENANT_ID: TENANT_ID,
      TEAMS_AUTHORITY: microsoft.url,
      TEAMS_AUTH_SIDECAR_URL: microsoft.url,
      TEAMS_OPS_CHANNEL: OPS_CHANNEL,
      TEAMS_SERVICE_URL: microsoft.serviceUrl,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_FROM_NUMBER: '+15005550006',
      PUBLIC_URL,
      ...opts.env,
    },
    notifiers: (ctx) => {
      teams = createTeamsChannel({ ...teamsDeps(ctx), orchestrator: orchestratorOf(ctx), ...(opts.answerBudgetMs ? { answerBudgetMs: opts.answerBudgetMs } : {}) });
      return [createSmsNotifier(createSmsSender(smsDeps(ctx), { httpClient: twilioApi })), teams!.notifier];
    },
    routers: (ctx) => [
      { path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: orchestratorOf(ctx), sender: createSmsSender(smsDeps(ctx), { httpClient: twilioApi }) }).router },
      { path: '/api/messages', router: teams!.router },
    ],
  });
  const close = app.close;
  return {
    ...app,
    microsoft,
    twilioApi,
    teams: teams!,
    async close() {
      await close();
      await microsoft.close();
    },
  };
}

import { AuthType, CloudAdapter, type AuthConfiguration, type Request as AgentsRequest } from '@microsoft/agents-hosting';
import { Activity } from '@microsoft/agents-activity';
import express, { type Router } from 'express';
import type { Config } from '../../config.ts';
import type { Orchestrator } from '../../contract/conversation.ts';
import type { Notifier } from '../../contract/notifier.ts';
import { SORRY } from './booking.ts';
import { ANSWER_BUDGET_MS } from './budget.ts';
import { cardActivity, textCard } from './cards.ts';
import { createConnector } from './connector.ts';
import { createTeamsNotifier } from './notifier.ts';
import type { TeamsDeps } from './ports.ts';
import { handleTurn } from './turn.ts';

// The Teams channel on the Microsoft 365 Agents SDK: a CloudAdapter whose JWT
// middleware validates the Bot Connector's token (signature from the authority's
// keys, audience = TEAMS_APP_ID, issuer, expiry) before anything is read, then runs
// one turn per activity (turn.ts). The adapter also gets the bot's own token for
// every reply and proactive message: from TEAMS_APP_PASSWORD (MSAL) or, when set,
// an Entra SDK sidecar.

export interface TeamsChannelDeps extends TeamsDeps {
  orchestrator: Orchestrator;
  /** How long an answer may take before it follows proactively (Teams waits about 15 s). */
  answerBudgetMs?: number;
}

export interface TeamsChannel {
  /** Mount at /api/messages. */
  router: Router;
  notifier: Notifier;
}

export function teamsAuthConfig(c: Config): AuthConfiguration {
  const credentials = c.TEAMS_AUTH_SIDECAR_URL
    ? { authType: AuthType.EntraAuthSideCar, sidecarBaseUrl: c.TEAMS_AUTH_SIDECAR_URL }
    : { authType: AuthType.ClientSecret, clientSecret: c.TEAMS_APP_PASSWORD };
  return {
    clientId: c.TEAMS_APP_ID,
    tenantId: c.TEAMS_TENANT_ID,
    authorityEndpoint: c.TEAMS_AUTHORITY,
    // The issuer must be the Bot Framework's or this tenant's: a token signed by the shared Entra keys for another tenant is refused.
    validateIssuer: true,
    ...credentials,
  };
}

/** Null without TEAMS_APP_ID, TEAMS_TENANT_ID and a credential: the channel is off (describeChannels says so). */
export function createTeamsChannel(deps: TeamsChannelDeps): TeamsChannel | null {
  const appId = deps.config.TEAMS_APP_ID;
  if (!appId || !deps.config.TEAMS_TENANT_ID || !(deps.config.TEAMS_APP_PASSWORD || deps.config.TEAMS_AUTH_SIDECAR_URL)) return null;
  const adapter = new CloudAdapter(teamsAuthConfig(deps.config));
  adapter.onTurnError = async (context, err) => {
    deps.log.error({ err, channel: 'teams', activityType: context.activity.type }, 'a Teams turn failed');
    if (context.activity.type === 'message') await context.sendActivity(Activity.fromObject(cardActivity(textCard(SORRY)))).catch(() => undefined);
  };
  const connector = createConnector(adapter, appId);
  const turnDeps = { ...deps, connector, budgetMs: deps.answerBudgetMs ?? ANSWER_BUDGET_MS };

  const router = express.Router();
  router.post(
    '/',
    // Authentication first: a missing, forged, expired or foreign token gets 401 before the body is even parsed.
    (req, res, next) => {
      const log = (reason: string) => deps.log.warn({ path: req.originalUrl, reason }, 'rejected a Teams request');
      res.once('finish', () => res.statusCode === 401 && log('invalid or missing Bot Connector token'));
      void adapter.authorizeRequest(req as unknown as AgentsRequest, res as never, next).catch(next);
    },
    express.json({ limit: '256kb' }),
    (req, res, next) => {
      adapter.process(req as unknown as AgentsRequest, res as never, (context) => handleTurn(turnDeps, context)).catch(next);
    },
  );
  return { router, notifier: createTeamsNotifier({ config: deps.config, store: deps.store, connector }) };
}

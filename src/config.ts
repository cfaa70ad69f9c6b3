import { z } from 'zod';

// Every setting Frontdesk reads, validated once at start. A malformed value stops
// the start with a message naming the variable; a channel with no credentials is
// simply disabled (see describeChannels).

const optionalText = z.string().trim().min(1).optional();

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    FRONTDESK_DATA_DIR: z.string().min(1).default('./.data'),
    FRONTDESK_EMBEDDED_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    FRONTDESK_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    FRONTDESK_SEED: z.enum(['demo', 'none']).default('demo'),
    FRONTDESK_HOLD_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
    // How long a customer whose provider is out has to pick a new time before ops take over (src/reschedule).
    RESCHEDULE_ANSWER_MINUTES: z.coerce.number().int().min(1).max(10080).default(240),
    PUBLIC_URL: z.url().optional(),
    // on: npm start also works the background jobs; off: it serves HTTP only and
    // `npm run worker` processes (any number, any machine) work them.
    FRONTDESK_WORKERS: z.enum(['on', 'off']).default('on'),
    // How long a worker owns a batch it claimed: a crashed worker's batch is taken over after it.
    FRONTDESK_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // On SIGTERM/SIGINT, running jobs get this long to finish; unfinished ones are retried elsewhere.
    FRONTDESK_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // How many reverse proxies stand in front: X-Forwarded-For is believed for that
    // many hops only, so a client cannot claim another IP (and another rate-limit budget).
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // Requests per window; 0 turns the limiter off.
    RATE_LIMIT_ADMIN_REQUESTS: z.coerce.number().int().min(0).default(300),
    RATE_LIMIT_WEBHOOK_REQUESTS: z.coerce.number().int().min(0).default(30),

    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4.1-mini'),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),

    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional(),
    TWILIO_AUTH_TOKEN: optionalText,
    TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +15551234567').optional(),
    // Every Twilio number that may receive this business's texts; inbound SMS to any other number is refused.
    TWILIO_NUMBERS: z
      .string()
      .transform((s) => s.split(',').map((n) => n.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a comma-separated list of E.164 numbers like +15551234567')))
      .optional(),
    TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must look like MG followed by 32 hex digits').optional(),

    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
    SLACK_OPS_CHANNEL: optionalText,
    // Where the Web API is; tests point it at a local fake. Ends with a slash, as the client expects.
    SLACK_API_URL: z
      .url()
      .default('https://slack.com/api/')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    // The role of a Slack user no Frontdesk user is linked to (users.slack_user_id). Only roles
    // that need no user of their own: the audit trail must name whoever acts.
    SLACK_DEFAULT_ROLE: z.enum(['viewer', 'staff']).default('viewer'),
    // An exception still open this many minutes after it was raised is raised again in its
    // thread, once per period; 0 turns it off.
    SLACK_RERAISE_MINUTES: z.coerce.number().int().min(0).default(60),

    // Outbound webhooks (src/webhooks): each attempt's timeout, attempts per delivery, and
    // when a failing subscriber is disabled (this many failed attempts in a row, the first
    // at least this many hours ago).
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(10),
    WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).default(2),

    // The bot's Microsoft App ID (its Entra app registration), its client secret and tenant.
    TEAMS_APP_ID: optionalText,
    TEAMS_APP_PASSWORD: optionalText,
    TEAMS_TENANT_ID: optionalText,
    // The Teams channel's conversation id (19:…@thread.tacv2) exceptions are posted to.
    TEAMS_OPS_CHANNEL: optionalText,
    // The role of a Teams user no Frontdesk user is linked to (users.teams_user_id); as for Slack,
    // only roles that need no user of their own.
    TEAMS_DEFAULT_ROLE: z.enum(['viewer', 'staff']).default('viewer'),
    // The Entra authority that issues and verifies tokens (another cloud, e.g. login.microsoftonline.us;
    // tests point it at a local fake OpenID/JWKS endpoint).
    TEAMS_AUTHORITY: z.url().default('https://login.microsoftonline.com'),
    // The app's own tokens (for sending) from a Microsoft Entra SDK sidecar instead of
    // TEAMS_APP_PASSWORD: the secret then never enters this process.
    TEAMS_AUTH_SIDECAR_URL: z.url().optional(),
    // Where Teams' Bot Connector is, for the ops channel before any activity from it told us.
    TEAMS_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/teams/'),
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most twelve-factor apps.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

export interface ChannelStatus {
  name: 'sms' | 'slack' | 'teams' | 'openai';
  enabled: boolean;
  reason: string;
}

/** What each integration does in this run; each gets one log line at start saying so. */
export function describeChannels(c: Config): ChannelStatus[] {
  const smsSender = c.TWILIO_FROM_NUMBER ?? c.TWILIO_MESSAGING_SERVICE_SID;
  return [
    {
      name: 'sms',
      enabled: Boolean(c.TWILIO_AUTH_TOKEN),
      reason: c.TWILIO_AUTH_TOKEN
        ? c.TWILIO_ACCOUNT_SID && smsSender
          ? 'webhook and outbound via Twilio'
          : 'webhook enabled; outbound goes to the local outbox (set TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER to send)'
        : 'disabled: set TWILIO_AUTH_TOKEN to accept Twilio webhooks (outbound goes to the local outbox)',
    },
    describeSlack(c),
    describeTeams(c),
    {
      name: 'openai',
      enabled: Boolean(c.OPENAI_API_KEY),
      reason: c.OPENAI_API_KEY ? `model ${c.OPENAI_MODEL}` : 'no OPENAI_API_KEY: using the deterministic offline provider',
    },
  ];
}

function describeSlack(c: Config): ChannelStatus {
  const missing = (['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] as const).filter((k) => !c[k]);
  if (missing.length) return { name: 'slack', enabled: false, reason: `disabled: set ${missing.join(' and ')} to accept Slack requests at /slack/events` };
  const ops = c.SLACK_OPS_CHANNEL ? `exceptions posted to ${c.SLACK_OPS_CHANNEL}` : 'no exception posting (set SLACK_OPS_CHANNEL)';
  const where = c.SLACK_APP_TOKEN ? 'over Socket Mode (SLACK_APP_TOKEN) and at /slack/events' : 'at /slack/events';
  return { name: 'slack', enabled: true, reason: `/book, /appointments, App Home, direct messages and buttons ${where}; ${ops}` };
}

/** The settings the Teams channel needs to run: an app id, a tenant and a way to get the app's tokens. */
export function teamsMissing(c: Config): string[] {
  return [
    ...(c.TEAMS_APP_ID ? [] : ['TEAMS_APP_ID']),
    ...(c.TEAMS_TENANT_ID ? [] : ['TEAMS_TENANT_ID']),
    ...(c.TEAMS_APP_PASSWORD || c.TEAMS_AUTH_SIDECAR_URL ? [] : ['TEAMS_APP_PASSWORD']),
  ];
}

function describeTeams(c: Config): ChannelStatus {
  const missing = teamsMissing(c);
  if (missing.length) return { name: 'teams', enabled: false, reason: `disabled: set ${missing.join(', ')} to accept Teams activities at /api/messages` };
  const ops = c.TEAMS_OPS_CHANNEL ? `exceptions posted to ${c.TEAMS_OPS_CHANNEL}` : 'no exception posting (set TEAMS_OPS_CHANNEL)';
  return { name: 'teams', enabled: true, reason: `personal chat, @mentions and Adaptive Card actions at /api/messages; ${ops}` };
}

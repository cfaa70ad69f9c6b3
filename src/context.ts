import { createChatDesk } from './appointments/chat-desk.ts';
import { createSmsNotifier } from './channels/sms/notifier.ts';
import { createSmsSender, type SmsSenderOptions } from './channels/sms/outbound.ts';
import type { SmsDeps } from './channels/sms/ports.ts';
import type { SlackDeps } from './channels/slack/ports.ts';
import type { TeamsDeps } from './channels/teams/ports.ts';
import type { Config } from './config.ts';
import { conversationLocation } from './conversation/state-view.ts';
import { notifierRegistry, type Notifier, type Notifiers } from './contract/notifier.ts';
import type { PrismaClient } from './db/client.ts';
import { createSlackStore } from './db/slack/index.ts';
import { createSmsStore } from './db/sms/index.ts';
import { createTeamsStore } from './db/teams/index.ts';
import type { Scheduler } from './engine/api.ts';
import type { Clock } from './engine/clock.ts';
import type { Logger } from './log.ts';
import { rememberAnswerableNotices } from './notices/answerable.ts';
import { confirmSlackBookings } from './notices/confirm-chat-bookings.ts';
import { notifyCustomer } from './notices/notify-customer.ts';
import { exceptionAlert } from './ops/alert.ts';
import { createOps, OpsError, type Ops } from './ops/index.ts';

/** What the edges of the app (HTTP, jobs) are built from. */
export interface AppContext {
  config: Config;
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  /** The only way anything books, moves or cancels appointments. */
  scheduler: Scheduler;
  /** The only way anything raises or works an exception (the ops inbox). */
  ops: Ops;
  /** How anything tells a person something on their channel, without knowing the channel. */
  notifiers: Notifiers;
}

/**
 * The context with its ops core. The core sends through the channels' notifiers, and
 * a channel's notifier is built from the context (its sender reads config and the
 * database), so the notifiers are bound once the context exists.
 */
export function createAppContext(base: Omit<AppContext, 'ops' | 'notifiers'>, notifiersOf: (ctx: AppContext) => Notifier[]): AppContext {
  let registry: Notifiers = notifierRegistry([]);
  // Reminders and reschedule offers are remembered as they go out, so a short reply is read against them.
  const notifiers: Notifiers = rememberAnswerableNotices({ forChannel: (channel) => registry.forChannel(channel) }, base);
  const ops = createOps({ db: base.db, scheduler: base.scheduler, clock: base.clock, notifiers });
  const ctx: AppContext = { ...base, ops, notifiers };
  registry = notifierRegistry(notifiersOf(ctx));
  return ctx;
}

/**
 * What the SMS channel is handed instead of the database client: its own storage
 * port and the ops core's way to open exceptions for staff.
 */
export function smsDeps(ctx: Pick<AppContext, 'config' | 'db' | 'log' | 'clock' | 'ops'>): SmsDeps {
  return {
    config: ctx.config,
    log: ctx.log,
    clock: ctx.clock,
    store: createSmsStore(ctx.db, { conversationLocation: (id) => conversationLocation(ctx.db, id) }),
    ops: { raise: (exception) => ctx.ops.raise(exception) },
  };
}

/** The SMS channel's notifier over its own sender: how jobs, ops and the API reach a customer by text. */
export const smsNotifierOf = (ctx: AppContext, opts?: SmsSenderOptions) => createSmsNotifier(createSmsSender(smsDeps(ctx), opts));

/**
 * What the Slack channel is handed: its own storage port, and the ops core's commands
 * with the alert card to show after each. A refusal (permission, status) comes back as
 * the core's message for the person who pressed the button; anything else as OPS_FAILED.
 */
export function slackDeps(ctx: Pick<AppContext, 'config' | 'db' | 'log' | 'ops' | 'scheduler' | 'clock' | 'notifiers'>): SlackDeps {
  return {
    config: ctx.config,
    log: ctx.log,
    store: createSlackStore(ctx.db),
    appointments: createChatDesk({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, tellCustomer: (id) => notifyCustomer(ctx, 'confirmation', id) }),
    // It never throws: a confirmation that could not go out never fails the booking's answer.
    confirmations: {
      sendFor: async (slackUserId) => void (await confirmSlackBookings(ctx, slackUserId)),
      sendOne: async (appointmentId) => (await notifyCustomer(ctx, 'confirmation', appointmentId))?.status === 'sent',
    },
    ops: {
      execute: opsWithCard(ctx).execute,
      openSummary: (actor) => ctx.ops.openSummary(actor),
      timesToOffer: (exceptionId, actor) => answerOps(ctx, { command: 'offer_times', exceptionId, via: actor.via }, () => ctx.ops.timesToOffer(actor, exceptionId)),
    },
  };
}

/** What the Teams channel is handed: its own storage port, and the ops core's commands with their card, as Slack gets them. */
export function teamsDeps(ctx: Pick<AppContext, 'config' | 'db' | 'log' | 'ops'>): TeamsDeps {
  return { config: ctx.config, log: ctx.log, store: createTeamsStore(ctx.db), ops: opsWithCard(ctx) };
}

/** What the person who pressed a button reads when the command failed for a reason that is not theirs to fix. */
export const OPS_FAILED = 'Sorry, something went wrong on our side while doing that. Check the exception before trying again.';

/**
 * Runs an ops step for a chat surface: the core's refusal (permission, status) comes back
 * as its message; anything unexpected is logged and answered with OPS_FAILED, so the
 * presser is never left waiting and each channel keeps only its rendering.
 */
async function answerOps<T>(ctx: Pick<AppContext, 'log'>, what: { command: string; exceptionId: string; via: string }, step: () => Promise<T>): Promise<({ ok: true } & T) | { ok: false; message: string }> {
  try {
    return { ok: true, ...(await step()) };
  } catch (err) {
    if (err instanceof OpsError) return { ok: false, message: err.message };
    ctx.log.error({ err, command: what.command, exceptionId: what.exceptionId }, `an ops command from ${what.via} failed`);
    return { ok: false, message: OPS_FAILED };
  }
}

/** The ops core's commands for a chat surface (Slack, Teams), with the alert card to show after each (as slackDeps words it). */
export function opsWithCard(ctx: Pick<AppContext, 'db' | 'ops' | 'log'>): TeamsDeps['ops'] {
  return {
    execute: (command, actor) =>
      answerOps(ctx, { command: command.kind, exceptionId: command.exceptionId, via: actor.via }, async () => {
        const { exception } = await ctx.ops.execute(command, actor);
        return { card: await exceptionAlert(ctx.db, exception.id) };
      }),
  };
}

import { App, ExpressReceiver } from '@slack/bolt';
import express, { type Router } from 'express';
import type { Orchestrator } from '../../contract/conversation.ts';
import type { Notifier } from '../../contract/notifier.ts';
import type { BookingForm } from '../../contract/booking-form.ts';
import { registerBookModal } from './book-modal.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerBooking } from './booking.ts';
import { createSlackNotifier } from './notifier.ts';
import { registerMoveModal } from './move-modal.ts';
import { myAppointmentsMessage, registerMyAppointments } from './my-appointments.ts';
import { registerOpsActions } from './ops-actions.ts';
import { registerOutcomes } from './outcome.ts';
import { createPostQueue } from './post-queue.ts';
import type { SlackDeps } from './ports.ts';
import { createSocketMode, type SocketMode } from './socket-mode.ts';
import { verifySlackRequest } from './verify-request.ts';

// The Slack channel: Bolt's ExpressReceiver mounted at /slack on the app's own
// Express server, with events, slash commands, interactivity and options all posted
// to /slack/events. The receiver verifies (verify-request.ts, then Bolt's own check)
// and acknowledges; the listeners (booking.ts, ops-actions.ts) do the work after the
// ack. The Web API client talks to SLACK_API_URL. With SLACK_APP_TOKEN the same App
// also receives over Socket Mode (socket-mode.ts).

export interface SlackChannelDeps extends SlackDeps {
  orchestrator: Orchestrator;
  /** What `/book` with no text books through (a modal). */
  bookingForm: BookingForm;
  /** Spacing of posts to one channel; Slack allows about one per second. */
  postIntervalMs?: number;
}

export interface SlackChannel {
  /** Mount at /slack. */
  router: Router;
  notifier: Notifier;
  /** Set with SLACK_APP_TOKEN: Slack's WebSocket, started and stopped with the server. */
  socketMode: SocketMode | null;
}

/** Null without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN: the channel is off (describeChannels says so). */
export function createSlackChannel(deps: SlackChannelDeps): SlackChannel | null {
  const { SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: token } = deps.config;
  if (!secret || !token) return null;
  const logger = boltLogger(deps.log);
  const receiver = new ExpressReceiver({ signingSecret: secret, endpoints: '/events', logger, processBeforeResponse: false });
  const app = new App({ receiver, token, tokenVerificationEnabled: false, logger, clientOptions: { slackApiUrl: deps.config.SLACK_API_URL } });
  const posts = createPostQueue(deps.postIntervalMs ?? 1000);
  app.error(async (err) => {
    deps.log.error({ err }, 'a Slack listener failed');
  });
  const modal = { form: deps.bookingForm, store: deps.store, log: deps.log, posts, confirmations: deps.confirmations };
  registerBookModal(app, modal);
  registerBooking(app, { orchestrator: deps.orchestrator, store: deps.store, log: deps.log, posts, modal, confirmations: deps.confirmations, list: (userId) => myAppointmentsMessage(deps, userId) });
  registerOpsActions(app, { ...deps, posts });
  registerMyAppointments(app, { ...deps, posts });
  registerMoveModal(app, deps);
  registerOutcomes(app, deps);

  const router = express.Router();
  router.use('/events', verifySlackRequest({ secret, log: deps.log }));
  router.use(receiver.router);
  const appToken = deps.config.SLACK_APP_TOKEN;
  const socketMode = appToken ? createSocketMode(app, { appToken, apiUrl: deps.config.SLACK_API_URL, log: deps.log }) : null;
  return { router, notifier: createSlackNotifier({ client: app.client, store: deps.store, posts }), socketMode };
}

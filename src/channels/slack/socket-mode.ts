import { SocketModeReceiver, type App } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import { boltLogger } from './bolt-logger.ts';

// Socket Mode, for workspaces that cannot reach a public URL: with SLACK_APP_TOKEN
// (xapp-…) the app opens a WebSocket to Slack (apps.connections.open on SLACK_API_URL
// names it) and Slack delivers the same events, commands and interactions over it.
// Bolt's SocketModeReceiver is bound to the same App as the HTTP receiver, so both
// paths reach the same listeners, acks and retry handling; HTTP stays mounted.

export interface SocketMode {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSocketMode(app: App, opts: { appToken: string; apiUrl: string; log: Logger }): SocketMode {
  const receiver = new SocketModeReceiver({
    appToken: opts.appToken,
    logger: boltLogger(opts.log),
    installerOptions: { clientOptions: { slackApiUrl: opts.apiUrl } },
  });
  // The receiver hands every envelope to this App (App.processEvent), acking through the socket.
  receiver.init(app);
  return {
    async start() {
      await receiver.start();
    },
    async stop() {
      await receiver.stop();
    },
  };
}

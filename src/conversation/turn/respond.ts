import type { Catalog } from '../catalog.ts';
import { answerNoticeReply } from '../notice-replies.ts';
import { T } from '../templates.ts';
import { confirmByButton, confirmByText } from './commit-confirmation.ts';
import { turnEnv, type Shown, type Turn, type TurnDeps } from './context.ts';
import { handleCommands } from './handle-commands.ts';
import { takeUpNextRequest } from './next-request.ts';
import { runProvider } from './run-provider.ts';
import { withdrawDuringIntake } from './withdraw-intake.ts';

/**
 * What the customer is sent for this message. A failure anywhere is logged (without the
 * message's data) and answered with an apology; the turn is still saved.
 */
export async function respond(deps: TurnDeps, turn: Turn, catalog: Catalog | null): Promise<Shown> {
  try {
    const out = await answer(deps, turn, catalog);
    await Promise.all(turn.releases);
    return out;
  } catch (err) {
    deps.log.error({ err, conversationId: turn.conversationId }, 'conversation turn failed');
    return { messages: [T.internalError] };
  }
}

/** The steps of an answer, in order; the first that answers ends the turn. */
async function answer(deps: TurnDeps, turn: Turn, catalog: Catalog | null): Promise<Shown> {
  if (!catalog) return { messages: [T.businessUnknown] };
  if (turn.handedOff) {
    if (turn.openHandoffs > 0) return { messages: [T.handedOffWaiting] };
    // Staff resolved the hand-off: the bot takes the conversation back.
    turn.handedOff = false;
  }
  const env = turnEnv(deps, turn, catalog);
  const byButton = await confirmByButton(turn, env);
  if (byButton) return takeUpNextRequest(deps, turn, env, byButton);
  if (!turn.inbound.text && !turn.inbound.attachments.length) return { messages: [T.emptyMessage] };
  const byNotice = await answerNoticeReply(deps, turn, env);
  if (byNotice) return byNotice;
  const byText = await confirmByText(turn, env);
  if (byText) return takeUpNextRequest(deps, turn, env, byText);
  const withdrawn = withdrawDuringIntake(turn, env);
  if (withdrawn) return withdrawn;
  const command = await handleCommands(deps, turn, env);
  if ('reply' in command) return command.reply;
  return runProvider(deps, turn, env, command.text);
}

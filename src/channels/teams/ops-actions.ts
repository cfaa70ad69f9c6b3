import { buttonReason, OPS_DONE, type OpsCommand } from '../../contract/ops.ts';
import { actorOf } from './actor.ts';
import { ASSIGNEE_INPUT, exceptionCard, REPLY_INPUT, type AdaptiveCard, type OpsData } from './cards.ts';
import type { TeamsDeps } from './ports.ts';

// The buttons of an exception's card in the ops channel. Each runs through the ops
// core with the presser mapped to a Frontdesk user; the core's permission check
// decides. Refused: a message to the presser, the card unchanged. Done: the card is
// replaced in place (saying who did what) and a line in its thread says it too.

type Kind = 'take' | 'approve' | 'decline' | 'resolve' | 'dismiss' | 'reply' | 'assign';
const KINDS: Kind[] = ['take', 'approve', 'decline', 'resolve', 'dismiss', 'reply', 'assign'];

export type OpsOutcome = { ok: true; card: AdaptiveCard; line: string } | { ok: false; message: string };

type Built = { ok: true; command: OpsCommand; what: string } | { ok: false; message: string };

async function build(deps: TeamsDeps, kind: Kind, data: OpsData & Record<string, unknown>, who: string): Promise<Built> {
  const exceptionId = data.exceptionId;
  switch (kind) {
    case 'take':
    case 'approve':
      return { ok: true, command: { kind, exceptionId }, what: OPS_DONE[kind] };
    case 'resolve':
    case 'dismiss':
    case 'decline': {
      return { ok: true, command: { kind, exceptionId, reason: buttonReason(kind, 'Teams', who) }, what: OPS_DONE[kind] };
    }
    case 'reply': {
      const text = typeof data[REPLY_INPUT] === 'string' ? data[REPLY_INPUT].trim() : '';
      if (!text) return { ok: false, message: 'Write the message the customer should get, then press Reply to customer.' };
      return { ok: true, command: { kind, exceptionId, text }, what: `${OPS_DONE.reply}: “${text}”` };
    }
    case 'assign': {
      const picked = typeof data[ASSIGNEE_INPUT] === 'string' ? data[ASSIGNEE_INPUT].trim() : '';
      if (!picked) return { ok: false, message: 'Pick the person to assign this to, then press Assign.' };
      // The person picked must be a Frontdesk user; the core then checks they may work it.
      const assignee = await deps.store.memberByTeamsId(picked);
      if (!assignee) return { ok: false, message: 'That person is not linked to a Frontdesk user, so they cannot be assigned.' };
      return { ok: true, command: { kind, exceptionId, assigneeUserId: assignee.userId }, what: `${OPS_DONE.assign} ${assignee.name}` };
    }
  }
}

export async function runOpsAction(deps: TeamsDeps, p: { data: OpsData & Record<string, unknown>; user: { aadObjectId: string; name?: string } }): Promise<OpsOutcome> {
  const kind = p.data.command as Kind;
  if (!KINDS.includes(kind)) return { ok: false, message: 'This button is not known to this version of Frontdesk.' };
  const actor = await actorOf(deps, p.user);
  const built = await build(deps, kind, p.data, actor.displayName);
  if (!built.ok) return built;
  const result = await deps.ops.execute(built.command, actor);
  if (!result.ok) return result;
  const line = `${actor.displayName} ${built.what}.`;
  return { ok: true, card: exceptionCard(result.card, line), line };
}

import type { OpsActor } from '../../contract/ops.ts';
import type { SlackDeps } from './ports.ts';

/**
 * The Frontdesk user behind a Slack user (users.slack_user_id); someone no user is
 * linked to acts with SLACK_DEFAULT_ROLE and no user of their own.
 */
export async function actorOf(deps: Pick<SlackDeps, 'store' | 'config'>, slackUserId: string): Promise<OpsActor> {
  const member = await deps.store.memberBySlackId(slackUserId);
  if (member) return { userId: member.userId, role: member.role, via: 'slack', displayName: member.name };
  return { userId: null, role: deps.config.SLACK_DEFAULT_ROLE, via: 'slack', displayName: `<@${slackUserId}>` };
}

import type { OpsActor } from '../../contract/ops.ts';
import type { TeamsDeps } from './ports.ts';

/**
 * The Frontdesk user behind a Teams user (users.teams_user_id, the Entra object id);
 * someone no user is linked to acts with TEAMS_DEFAULT_ROLE and no user of their own.
 */
export async function actorOf(deps: Pick<TeamsDeps, 'store' | 'config'>, user: { aadObjectId: string; name?: string }): Promise<OpsActor> {
  const member = await deps.store.memberByTeamsId(user.aadObjectId);
  if (member) return { userId: member.userId, role: member.role, via: 'teams', displayName: member.name };
  return { userId: null, role: deps.config.TEAMS_DEFAULT_ROLE, via: 'teams', displayName: user.name ?? `Teams user ${user.aadObjectId}` };
}

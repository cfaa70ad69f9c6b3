import type { Response } from 'express';
import type { OpsActor } from '../contract/ops.ts';
import type { SignedIn } from './session.ts';

/** The signed-in user the session check put on the response. */
export const signedInUser = (res: Response): SignedIn => (res.locals as { user: SignedIn }).user;

/** The dashboard user as the ops core knows them: the same actor shape Slack and Teams hand it. */
export const opsActorOf = (user: SignedIn): OpsActor => ({ userId: user.userId, role: user.role, via: 'web', displayName: user.name });

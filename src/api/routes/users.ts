import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { User } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { UserCreate, UserListQuery, UserPasswordSet, UserUpdate, UserView } from '../schemas/user.ts';
import { hashPassword } from '../../dashboard/password.ts';
import { revokeUserSessions } from '../../dashboard/session.ts';
import { conflict, notFound, unprocessable } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { keyset, listCursor, pathId, route, translateDbError } from './support.ts';

const usersCursor = listCursor('users', instant);

// The people who use Frontdesk. Deleting a user deletes their tokens with them.

const tag = 'Users';

export const toUserView = (u: User) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  slackUserId: u.slackUserId,
  teamsUserId: u.teamsUserId,
  resourceId: u.resourceId,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

const duplicates = {
  app_user_email_key: conflict('Another user has this email.'),
  app_user_slack_user_id_key: conflict('Another user is linked to this Slack user.'),
  app_user_teams_user_id_key: conflict('Another user is linked to this Teams user.'),
  app_user_resource_id_key: conflict('Another user is linked to this staff resource.'),
};

/** A user's own schedule is a staff resource's; a room or a missing one is no one's. */
async function checkStaffResource(db: PrismaClient, resourceId: string | null | undefined) {
  if (!resourceId) return;
  const resource = await db.resource.findUnique({ where: { id: resourceId }, select: { kind: true } });
  if (resource?.kind !== 'staff') throw unprocessable(`resourceId ${resourceId} is not a staff resource.`, { field: 'resourceId' });
}

export function usersRouter({ db, clock }: AppContext): Router {
  const router = Router();
  const find = async (id: string) => (await db.user.findUnique({ where: { id } })) ?? Promise.reject(notFound(`User ${id}`));

  route(router, { operationId: 'listUsers', method: 'get', path: '/users', summary: 'List users', tag, query: UserListQuery, response: page(UserView) }, async (req) => {
    const q = parseQuery(UserListQuery, req);
    const k = keyset('createdAt', usersCursor.decode(q.after));
    const rows = await db.user.findMany({ where: { AND: [k.where, q.role ? { role: q.role } : {}] }, orderBy: k.orderBy, take: q.limit + 1 });
    return usersCursor.page(rows, q.limit, (u) => u.createdAt, toUserView);
  });

  route(
    router,
    { operationId: 'createUser', method: 'post', path: '/users', summary: 'Create a user', tag, body: UserCreate, response: UserView, status: 201, problems: [409, 422] },
    async (req) => {
      const input = parseBody(UserCreate, req);
      await checkStaffResource(db, input.resourceId);
      return toUserView(await db.user.create({ data: input }).catch((err) => translateDbError(err, duplicates)));
    },
  );

  route(router, { operationId: 'getUser', method: 'get', path: '/users/:id', summary: 'Get a user', tag, response: UserView }, async (req) =>
    toUserView(await find(pathId(req, 'User'))),
  );

  route(
    router,
    { operationId: 'updateUser', method: 'patch', path: '/users/:id', summary: "Update a user (a lower role lowers their tokens' reach at once)", tag, body: UserUpdate, response: UserView, problems: [409, 422] },
    async (req) => {
      const id = pathId(req, 'User');
      const input = parseBody(UserUpdate, req);
      await find(id);
      await checkStaffResource(db, input.resourceId);
      return toUserView(await db.user.update({ where: { id }, data: input }).catch((err) => translateDbError(err, duplicates)));
    },
  );

  route(router, { operationId: 'deleteUser', method: 'delete', path: '/users/:id', summary: 'Delete a user and their tokens', tag, status: 204 }, async (req) => {
    const id = pathId(req, 'User');
    await find(id);
    await db.user.delete({ where: { id } });
  });

  // A new password signs the user out of every dashboard session: the reason to
  // change one is often that the old one was seen.
  route(
    router,
    { operationId: 'setUserPassword', method: 'put', path: '/users/:id/password', summary: 'Set the password a user signs in to the /ops dashboard with', tag, body: UserPasswordSet, response: UserView, problems: [422] },
    async (req) => {
      const id = pathId(req, 'User');
      const { password } = parseBody(UserPasswordSet, req);
      const user = await find(id);
      if (!user.email) throw unprocessable('The user has no email to sign in with; set one first.', { field: 'email' });
      const hash = await hashPassword(password);
      await db.userPassword.upsert({ where: { userId: id }, create: { userId: id, hash }, update: { hash } });
      await revokeUserSessions({ db, clock }, id);
      return toUserView(user);
    },
  );

  return router;
}

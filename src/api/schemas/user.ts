import { z } from 'zod';
import { ROLES } from '../../access/matrix.ts';
import { MIN_PASSWORD_LENGTH } from '../../dashboard/password.ts';
import { instant, label, pageQuery, timestamps, uuid, withoutDefaults } from './common.ts';

// Users, their roles and links to chat identities and a staff resource; API tokens.

export const role = z.enum(ROLES).meta({ description: 'viewer < staff < manager < admin (see the permission matrix)' });

const fields = {
  name: label,
  email: z.email({ message: 'must be an email address' }).max(320).nullable().optional(),
  role: role.default('viewer'),
  slackUserId: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, { message: 'must be a Slack user id such as U024BE7LH' })
    .nullable()
    .optional(),
  teamsUserId: z.uuid({ message: 'must be the Microsoft Entra (AAD) object id, a UUID' }).nullable().optional(),
  resourceId: uuid.nullable().optional().meta({ description: 'The staff resource whose schedule is this user’s own' }),
};

export const UserCreate = z.strictObject(fields);
export const UserUpdate = z.strictObject(withoutDefaults(fields)).partial();
export const UserPasswordSet = z.strictObject({
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { message: `must have at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(1024)
    .meta({ description: 'The password for signing in to the /ops dashboard; stored only as a scrypt hash' }),
});
export const UserListQuery = z.strictObject({ ...pageQuery, role: role.optional() });

export const UserView = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string().nullable(),
  role,
  slackUserId: z.string().nullable(),
  teamsUserId: z.string().nullable(),
  resourceId: uuid.nullable(),
  ...timestamps,
});

const expiresAt = instant.meta({ description: 'When the token stops working; 90 days from now unless given' });

export const TokenCreate = z.strictObject({
  userId: uuid,
  name: label.meta({ description: 'What the token is for, e.g. "reporting script"' }),
  role: role.optional().meta({ description: "The role the token acts as; the user's role unless given, never more" }),
  expiresAt: expiresAt.optional(),
});
export const TokenRotate = z.strictObject({ expiresAt: expiresAt.optional() });
export const TokenListQuery = z.strictObject({ ...pageQuery, userId: uuid.optional() });

export const TokenView = z.strictObject({
  id: uuid,
  name: z.string(),
  userId: uuid.nullable().meta({ description: 'null for the bootstrap admin token' }),
  role,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const IssuedToken = TokenView.extend({ token: z.string().meta({ description: 'Shown only in this response; store it now' }) });

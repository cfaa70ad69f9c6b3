import { z } from 'zod';
import { booleanQuery, label, uuid } from './common.ts';

// Calendar feeds over HTTP (src/feeds): create one for a staff member, room or
// location (its URL is shown once), list them, revoke one.

export const FeedSubjectSchema = z
  .discriminatedUnion('type', [z.strictObject({ type: z.literal('resource'), id: uuid }), z.strictObject({ type: z.literal('location'), id: uuid })])
  .meta({ description: 'Whose appointments the feed holds: a resource (staff member, room, equipment) or a whole location' });

export const FeedCreate = z.strictObject({
  subject: FeedSubjectSchema,
  name: label.optional().meta({ description: "The calendar's name in calendar apps; the subject's name unless given" }),
});

export const FeedListQuery = z.strictObject({
  revoked: booleanQuery.optional().meta({ description: 'true: revoked feeds too' }),
});

export const FeedView = z.strictObject({
  id: uuid,
  name: z.string(),
  subject: FeedSubjectSchema,
  createdBy: z.string().meta({ description: 'A user id or bootstrap-admin' }),
  createdAt: z.iso.datetime(),
  lastReadAt: z.iso.datetime().nullable().meta({ description: 'When a calendar app last read the feed' }),
  revokedAt: z.iso.datetime().nullable(),
});

export const IssuedFeed = FeedView.extend({
  url: z.url().meta({ description: 'The private feed URL (shown once): anyone holding it reads the calendar until the feed is revoked' }),
});

export const FeedList = z.strictObject({ items: z.array(FeedView) });

import { z } from 'zod';
import { booleanQuery, label, language, pageQuery, tags, timestamps, timeZone, uuid, withoutDefaults } from './common.ts';
import { resourceKind } from './service.ts';

const chatUserId = z.string().trim().min(1).max(100).nullable().optional();

const fields = {
  kind: resourceKind,
  name: label,
  locationId: uuid,
  timeZone: timeZone.optional().meta({ description: "Defaults to the location's time zone" }),
  skills: tags.default([]),
  languages: z.array(language).max(20).default(['en']),
  capacity: z.int().min(1).max(1000).default(1).meta({ description: 'Attendees one session can hold (room size)' }),
  maxDailyBookings: z.int().min(1).max(200).nullable().optional(),
  routingWeight: z.int().min(1).max(100).default(1).meta({ description: 'Relative share of round-robin assignments' }),
  active: z.boolean().default(true),
  slackUserId: chatUserId,
  teamsUserId: chatUserId,
};

export const ResourceCreate = z.strictObject(fields);
export const ResourceUpdate = z.strictObject({ ...withoutDefaults(fields), timeZone }).partial();

export const ResourceListQuery = z.strictObject({
  ...pageQuery,
  locationId: uuid.optional(),
  kind: resourceKind.optional(),
  active: booleanQuery.optional(),
});

export const ResourceView = z.strictObject({
  id: uuid,
  kind: resourceKind,
  name: z.string(),
  locationId: uuid,
  timeZone: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  capacity: z.int(),
  maxDailyBookings: z.int().nullable(),
  routingWeight: z.int(),
  active: z.boolean(),
  slackUserId: z.string().nullable(),
  teamsUserId: z.string().nullable(),
  ...timestamps,
});

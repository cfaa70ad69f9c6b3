import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/client.ts';
import type { CalendarFeed } from '../generated/prisma/client.ts';
import { renderCalendar, type FeedAudience, type FeedEventRow } from './calendar.ts';
import * as plans from './plans.ts';

// Calendar feeds: a private, revocable ICS URL per staff member, room or location.
// The URL's token is shown once; only its sha256 is stored, as for API tokens.

export type FeedSubjectRef = { type: 'resource'; id: string } | { type: 'location'; id: string };

/** How far back and ahead a feed reaches: calendar clients re-read the whole feed on every poll. */
export const FEED_WINDOW_DAYS = { past: 90, ahead: 366 } as const;
const DAY = 864e5;

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a feed's token sits in its URL: /feeds/<token>.ics. */
export const feedPath = (token: string) => `/feeds/${token}.ics`;

export class FeedSubjectNotFound extends Error {
  override name = 'FeedSubjectNotFound';
}

/** The subject's display name, or FeedSubjectNotFound. */
async function subjectName(db: PrismaClient, subject: FeedSubjectRef): Promise<string> {
  const found =
    subject.type === 'resource'
      ? await db.resource.findUnique({ where: { id: subject.id }, select: { name: true } })
      : await db.location.findUnique({ where: { id: subject.id }, select: { name: true } });
  if (!found) throw new FeedSubjectNotFound(`No ${subject.type} ${subject.id}.`);
  return found.name;
}

/** A new feed for the subject; the token in `path` is shown to the caller once and never again. */
export async function createFeed(db: PrismaClient, input: { subject: FeedSubjectRef; name?: string; createdBy: string }): Promise<{ feed: CalendarFeed; path: string }> {
  // Looked up even when the caller names the feed: a feed of nothing is refused.
  const subjectLabel = await subjectName(db, input.subject);
  const name = input.name ?? subjectLabel;
  const token = `fdcal_${randomBytes(24).toString('base64url')}`;
  const ids = input.subject.type === 'resource' ? { resourceId: input.subject.id } : { locationId: input.subject.id };
  const feed = await db.calendarFeed.create({ data: { name, subjectType: input.subject.type, ...ids, tokenHash: hashFeedToken(token), createdBy: input.createdBy } });
  return { feed, path: feedPath(token) };
}

export const subjectOf = (feed: Pick<CalendarFeed, 'subjectType' | 'resourceId' | 'locationId'>): FeedSubjectRef =>
  feed.subjectType === 'resource' ? { type: 'resource', id: feed.resourceId! } : { type: 'location', id: feed.locationId! };

/** Feeds, newest first; `resourceId` confines the list to one resource's (a staff member's own). */
export function listFeeds(db: PrismaClient, filter: { resourceId?: string; includeRevoked?: boolean } = {}): Promise<CalendarFeed[]> {
  return db.calendarFeed.findMany({
    where: { resourceId: filter.resourceId, ...(filter.includeRevoked ? {} : { revokedAt: null }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}

/** Revokes a live feed; false when there is none with that id (within `resourceId`, when given). Revoking twice keeps the first time. */
export async function revokeFeed(db: PrismaClient, { id, resourceId, now }: { id: string; resourceId?: string; now: Date }): Promise<boolean> {
  const feed = await db.calendarFeed.findFirst({ where: { id, resourceId } });
  if (!feed) return false;
  if (!feed.revokedAt) await db.calendarFeed.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return true;
}

/** Who reads a subject's feed: a staff resource's, a room's (any other resource) or a location's. */
async function audienceOf(db: PrismaClient, feed: CalendarFeed): Promise<FeedAudience> {
  if (feed.subjectType === 'location') return 'location';
  const resource = await db.resource.findUnique({ where: { id: feed.resourceId! }, select: { kind: true } });
  return resource?.kind === 'staff' ? 'staff' : 'room';
}

/** The ICS text of the feed a token opens, or null for an unknown or revoked token (the caller answers 404 either way). */
export async function readFeed(db: PrismaClient, { token, now }: { token: string; now: Date }): Promise<string | null> {
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(token) } });
  if (!feed || feed.revokedAt) return null;
  const subject = subjectOf(feed);
  const from = new Date(now.getTime() - FEED_WINDOW_DAYS.past * DAY);
  const to = new Date(now.getTime() + FEED_WINDOW_DAYS.ahead * DAY);
  const rows = await db.$queryRawUnsafe<FeedEventRow[]>(plans.feedEvents(subject.type), subject.id, from, to);
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastReadAt: now } });
  return renderCalendar({ name: feed.name, audience: await audienceOf(db, feed), rows });
}

import { Router, type Request } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { createFeed, FeedSubjectNotFound, listFeeds, revokeFeed, subjectOf } from '../../feeds/index.ts';
import type { CalendarFeed } from '../../generated/prisma/client.ts';
import { forbidden, notFound, unprocessable } from '../../http/problem.ts';
import { ownResourceId } from '../auth.ts';
import { FeedCreate, FeedList, FeedListQuery, type FeedView, IssuedFeed } from '../schemas/feed.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { pathId, route } from './support.ts';

// Calendar feeds (src/feeds): a private ICS URL per staff member, room or location.
// Staff hold feeds.* only on their own schedule: they create, see and revoke the
// feeds of their linked staff resource and no other.

const tag = 'Feeds';

const toFeedView = (f: CalendarFeed): z.infer<typeof FeedView> => ({
  id: f.id,
  name: f.name,
  subject: subjectOf(f),
  createdBy: f.createdBy,
  createdAt: f.createdAt.toISOString(),
  lastReadAt: f.lastReadAt?.toISOString() ?? null,
  revokedAt: f.revokedAt?.toISOString() ?? null,
});

/** The public base the feed URL is built on: PUBLIC_URL, else the address this request came to. */
const baseUrl = (req: Request, publicUrl: string | undefined) => (publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');

export function feedsRouter({ db, clock, config }: AppContext): Router {
  const router = Router();

  route(
    router,
    { operationId: 'createFeed', method: 'post', path: '/feeds', summary: 'Create a private ICS feed of a staff member, room or location (its URL is shown once)', tag, body: FeedCreate, response: IssuedFeed, status: 201, problems: [422] },
    async (req) => {
      const input = parseBody(FeedCreate, req);
      const own = ownResourceId(req);
      if (own && (input.subject.type !== 'resource' || input.subject.id !== own)) throw forbidden('Staff may create a feed of their own schedule only.');
      try {
        const { feed, path } = await createFeed(db, { subject: input.subject, name: input.name, createdBy: req.principal!.actorId });
        return { ...toFeedView(feed), url: `${baseUrl(req, config.PUBLIC_URL)}${path}` };
      } catch (err) {
        if (err instanceof FeedSubjectNotFound) throw unprocessable(err.message, { field: 'subject.id' });
        throw err;
      }
    },
  );

  route(router, { operationId: 'listFeeds', method: 'get', path: '/feeds', summary: 'List calendar feeds, newest first (never their URLs)', tag, query: FeedListQuery, response: FeedList }, async (req) => {
    const q = parseQuery(FeedListQuery, req);
    const feeds = await listFeeds(db, { resourceId: ownResourceId(req), includeRevoked: q.revoked });
    return { items: feeds.map(toFeedView) };
  });

  route(router, { operationId: 'revokeFeed', method: 'delete', path: '/feeds/:id', summary: 'Revoke a calendar feed (its URL answers 404 from now on)', tag, status: 204 }, async (req) => {
    const id = pathId(req, 'Feed');
    // Another staff member's feed is "not found" to staff, as their appointments are.
    if (!(await revokeFeed(db, { id, resourceId: ownResourceId(req), now: clock() }))) throw notFound(`Feed ${id}`);
  });

  return router;
}

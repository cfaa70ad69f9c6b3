import { Router, type Response } from 'express';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import { HttpProblem } from '../http/problem.ts';
import { createRateLimiter, ipKey } from '../http/rate-limit.ts';
import { readAppointmentIcs } from './appointment-link.ts';
import { readFeed } from './feeds.ts';

// The public side of calendar feeds: no login, the token in the URL is the only key
// (calendar apps cannot send headers). An unknown, revoked or malformed token gets the
// same bare 404, so a probe learns nothing about which feeds exist or existed.

const TOKEN_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

const gone = () => new HttpProblem(404, 'Not Found', 'No calendar here.');

function sendCalendar(res: Response, ics: string, filename: string) {
  res
    .status(200)
    .type('text/calendar; charset=utf-8')
    // The URL is a secret and the body private: no shared cache may keep it.
    .set({ 'cache-control': 'private, no-cache', 'x-robots-tag': 'noindex' })
    .attachment(filename)
    .send(ics);
}

export interface FeedsRouterDeps {
  db: PrismaClient;
  clock: Clock;
  /**
   * Misses (404s) allowed per IP per window; 0 turns the limit off. Tokens are far too
   * long to guess, but a client walking through them is still told to stop.
   */
  misses: { limit: number; windowSeconds: number };
}

export function createFeedsRouter({ db, clock, misses }: FeedsRouterDeps): Router {
  const router = Router();
  // Per route, not router.use: mounted at the root, a router-wide limiter would count every 404 of the app.
  const probing = createRateLimiter({ name: 'calendar-feeds', ...misses, key: ipKey, countOnly: [404] });

  router.get('/feeds/:file', probing, async (req, res) => {
    const token = TOKEN_FILE.exec(String(req.params.file))?.[1];
    const ics = token ? await readFeed(db, { token, now: clock() }) : null;
    if (!ics) throw gone();
    sendCalendar(res, ics, 'frontdesk.ics');
  });

  router.get('/ics/appointments/:file', probing, async (req, res) => {
    const token = TOKEN_FILE.exec(String(req.params.file))?.[1];
    const ics = token ? await readAppointmentIcs(db, token) : null;
    if (!ics) throw gone();
    sendCalendar(res, ics, 'appointment.ics');
  });

  return router;
}

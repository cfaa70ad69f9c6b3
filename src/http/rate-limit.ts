import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

// One way to limit requests per client, for the admin API and the webhooks alike.
// Each caller says whom a request counts against (a token, an IP, a verified
// sender); the limiter answers 429 with Retry-After as a problem document.
// It lives outside src/api so that channels can use it without the admin API.

export interface RateLimitOptions {
  /** Names the limit in the RateLimit-Policy header and in the 429 detail. */
  name: string;
  /** Requests allowed per window for one key; 0 turns the limiter off. */
  limit: number;
  windowSeconds: number;
  /** Whom the request counts against; undefined lets it through uncounted. */
  key: (req: Request) => string | undefined;
  /** Count only requests answered with one of these statuses (e.g. failed logins). */
  countOnly?: number[];
}

const pass: RequestHandler = (_req, _res, next) => next();

export function createRateLimiter(o: RateLimitOptions): RequestHandler {
  if (o.limit === 0) return pass;
  const countOnly = o.countOnly;
  return rateLimit({
    windowMs: o.windowSeconds * 1000,
    limit: o.limit,
    identifier: o.name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => o.key(req) === undefined,
    keyGenerator: (req) => o.key(req) ?? '',
    ...(countOnly ? { skipSuccessfulRequests: true, requestWasSuccessful: (_req: Request, res: Response) => !countOnly.includes(res.statusCode) } : {}),
    handler: (_req, res) => tooManyRequests(res, o.name),
  });
}

/** The client's address as Express sees it through TRUST_PROXY_HOPS; IPv6 clients by their /56. */
export const ipKey = (req: Request): string => `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;

// The same RFC 9457 shape as src/api/problem.ts, written here so a channel's
// router can use the limiter without importing the admin API.
function tooManyRequests(res: Response, name: string): void {
  const retryAfter = Number(res.getHeader('retry-after'));
  res
    .status(429)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: `The ${name} rate limit is exhausted; retry after ${retryAfter} seconds.`,
    });
}

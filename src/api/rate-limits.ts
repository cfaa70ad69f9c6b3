import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { createRateLimiter, ipKey } from '../http/rate-limit.ts';
import { bearerToken, hashToken } from './auth.ts';

// The admin API's two limits. Before authentication, failed attempts are counted
// per IP so that guessing tokens is slow; after it, every request counts against
// the token that was verified, so one client cannot starve another and nobody
// can spend a client's budget without its token.

/** Runs after authenticate, so the bearer token here is a verified one. */
export const tokenKey = (req: Request): string => {
  const token = bearerToken(req);
  return token ? `token:${hashToken(token)}` : ipKey(req);
};

export function adminRateLimits(config: Config): { failedAuth: RequestHandler; perClient: RequestHandler } {
  const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
  const limit = config.RATE_LIMIT_ADMIN_REQUESTS;
  return {
    failedAuth: createRateLimiter({ name: 'admin-auth', limit, windowSeconds, key: ipKey, countOnly: [401] }),
    perClient: createRateLimiter({ name: 'admin', limit, windowSeconds, key: tokenKey }),
  };
}

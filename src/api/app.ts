import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { AppContext } from '../context.ts';
import type { Logger } from '../log.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { requestId } from '../http/request-id.ts';
import { authenticate } from './auth.ts';
import { apiRequestLimits } from './limits.ts';
import { adminRateLimits } from './rate-limits.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { HttpProblem, notFound, problemHandler, sendProblem } from '../http/problem.ts';
import { adminRouters } from './routes/index.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
    /** The body exactly as received, for webhook signature checks. */
    rawBody?: Buffer;
  }
}

/** Routers mounted at the root before the admin API (webhooks); they parse their own bodies. */
export interface MountedRouter {
  path: string;
  router: Router;
}

export function createHttpApp(ctx: AppContext, extra: MountedRouter[] = []): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only as many X-Forwarded-For hops as there are proxies of ours: trusting all
  // would let any client pick its IP, and with it a fresh rate-limit budget.
  app.set('trust proxy', ctx.config.TRUST_PROXY_HOPS);
  app.use(helmet());

  app.use((req, res, next) => {
    req.id = requestId(req.get('x-request-id'));
    res.set('x-request-id', req.id);
    req.log = ctx.log.child({ reqId: req.id });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    try {
      const pending = await pendingMigrations(ctx.db);
      if (pending.length) return sendProblem(res, new HttpProblem(503, 'Service Unavailable', `Migrations pending: ${pending.join(', ')}`));
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      sendProblem(res, new HttpProblem(503, 'Service Unavailable', 'The database is not reachable.'));
    }
  });

  for (const { path, router } of extra) app.use(path, router);

  const api = express.Router();
  api.use(apiRequestLimits);
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument());
  });
  const limits = adminRateLimits(ctx.config);
  api.use(limits.failedAuth);
  api.use(authenticate(ctx));
  api.use(limits.perClient);
  for (const build of adminRouters) api.use(build(ctx));
  api.use((req, _res, next) => next(notFound(`${req.method} ${req.baseUrl}${req.path}`)));
  app.use('/api/v1', api);

  app.use((req, _res, next) => next(notFound(`${req.method} ${req.path}`)));
  app.use(problemHandler);
  return app;
}

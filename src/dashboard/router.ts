import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import { createRateLimiter, ipKey } from '../http/rate-limit.ts';
import { serveStylesheet, STYLESHEET_PATH } from './assets.ts';
import { readCookie } from './cookies.ts';
import { html } from './html.ts';
import { mountInbox } from './inbox-routes.ts';
import { OPS_BASE, page } from './layout.ts';
import { csrfMatches, findSession, revokeSession, SESSION_HOURS, signIn, type SignedIn } from './session.ts';
import { mountStory } from './story.ts';
import { loadPageLocations, loadToday, renderToday } from './today.ts';
import { kpiCsvOf, kpiPage, resolveKpiRequest } from './kpis.ts';
import { loadTodayTimelines, renderTodayTimelines } from './timeline/today.ts';
import { weekPage } from './week.ts';
import type { Ops } from '../ops/index.ts';

// The /ops web pages: server-rendered HTML, plain forms, no script needed.
// Sign-in opens a server-side session; every other POST must carry the
// session's CSRF token (SameSite=Lax alone does not stop same-site forgeries).

export const SESSION_COOKIE = 'frontdesk_ops';

export interface DashboardDeps {
  db: PrismaClient;
  clock: Clock;
  /** The exception inbox reads and works exceptions only through the ops core (which sends replies through the notifiers). */
  ops: Ops;
  /** https here makes the session cookie Secure. */
  publicUrl?: string;
  /** Failed sign-ins allowed per client address in 15 minutes; 0 turns the limit off. */
  signInAttempts: number;
}

type Locals = { user: SignedIn };

export function createDashboardRouter(deps: DashboardDeps): Router {
  const router = express.Router();
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  const failedSignIns = createRateLimiter({ name: 'ops-sign-in', limit: deps.signInAttempts, windowSeconds: 15 * 60, key: ipKey, countOnly: [401] });
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));
  router.use((_req, res, next) => {
    // Pages show customers' data: never cached by a shared proxy or the back button after sign-out.
    res.set('cache-control', 'no-store');
    next();
  });
  router.get(STYLESHEET_PATH, serveStylesheet);

  router.get('/sign-in', (_req, res) => {
    res.type('html').send(signInPage());
  });
  router.post('/sign-in', failedSignIns, async (req, res) => {
    const email = String(req.body?.email ?? '');
    const password = String(req.body?.password ?? '');
    const signedIn = email && password ? await signIn(deps, { email, password }) : undefined;
    if (!signedIn) return void res.status(401).type('html').send(signInPage({ email, failed: true }));
    res.cookie(SESSION_COOKIE, signedIn.token, { httpOnly: true, sameSite: 'lax', secure, path: OPS_BASE, maxAge: SESSION_HOURS * 3_600_000 });
    res.redirect(303, `${OPS_BASE}/today`);
  });

  router.use(requireSession(deps));
  router.use(requireCsrfOnPost);
  router.get('/', (_req, res) => res.redirect(303, `${OPS_BASE}/today`));
  router.post('/sign-out', async (_req, res: Response<unknown, Locals>) => {
    await revokeSession(deps, res.locals.user.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: OPS_BASE });
    res.redirect(303, `${OPS_BASE}/sign-in`);
  });
  router.get('/today', async (_req, res: Response<unknown, Locals>) => {
    const user = res.locals.user;
    const locations = await loadPageLocations(deps.db);
    const [today, timelines] = await Promise.all([loadToday(deps, { user, locations }), loadTodayTimelines(deps, { user, locations })]);
    const body = html`${renderToday(today, user)}${renderTodayTimelines(timelines)}`;
    res.type('html').send(page({ title: 'Today', body, user, current: `${OPS_BASE}/today` }));
  });
  router.get('/week', async (req, res: Response<unknown, Locals>) => {
    const user = res.locals.user;
    const result = await weekPage(deps, { user, query: req.query });
    res.status(result.status).type('html').send(page({ title: result.title, body: result.body, user, current: `${OPS_BASE}/week` }));
  });
  router.get('/kpis', async (req, res: Response<unknown, Locals>) => {
    const user = res.locals.user;
    const result = await kpiPage(deps, { user, query: req.query });
    res.status(result.status).type('html').send(page({ title: result.title, body: result.body, user, current: `${OPS_BASE}/kpis` }));
  });
  router.get('/kpis.csv', async (req, res: Response<unknown, Locals>) => {
    const user = res.locals.user;
    const outcome = await resolveKpiRequest(deps, { user, query: req.query });
    if (outcome.status !== 200) return void res.status(outcome.status).type('html').send(page({ title: outcome.title, body: outcome.body, user }));
    res.type('text/csv; charset=utf-8').attachment('kpis.csv').send(await kpiCsvOf(deps, outcome.filter));
  });
  mountInbox(router, deps);
  mountStory(router, deps);
  return router;
}

function requireSession(deps: DashboardDeps) {
  return async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    const user = await findSession(deps, readCookie(req, SESSION_COOKIE));
    if (user) {
      res.locals.user = user;
      return next();
    }
    if (req.method === 'GET') return res.redirect(303, `${OPS_BASE}/sign-in`);
    res.status(401).type('html').send(page({ title: 'Signed out', body: html`<h1>Signed out</h1><p><a href="${OPS_BASE}/sign-in">Sign in</a> again.</p>` }));
  };
}

function requireCsrfOnPost(req: Request, res: Response<unknown, Locals>, next: NextFunction) {
  if (req.method !== 'POST' || csrfMatches(res.locals.user, req.body?.csrf)) return next();
  res.status(403).type('html').send(page({ title: 'Refused', body: html`<h1>Refused</h1><p>This form was stale or not sent from the dashboard. Go back, reload the page and try again.</p>` }));
}

function signInPage(input: { email?: string; failed?: boolean } = {}): string {
  const body = html`<h1>Sign in</h1>
${input.failed ? html`<p class="error" role="alert">That email and password do not match a user.</p>` : null}
<form class="stack" method="post" action="${OPS_BASE}/sign-in">
<label>Email <input type="email" name="email" autocomplete="username" required value="${input.email ?? ''}"></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`;
  return page({ title: 'Sign in', body });
}

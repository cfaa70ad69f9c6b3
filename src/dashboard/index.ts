import type { MountedRouter } from '../api/app.ts';
import type { AppContext } from '../context.ts';
import { OPS_BASE } from './layout.ts';
import { createDashboardRouter } from './router.ts';

/** Failed dashboard sign-ins allowed per client address in 15 minutes. */
export const SIGN_IN_ATTEMPTS = 10;

/** The /ops pages, mounted beside the webhooks (they parse their own form bodies). */
export function dashboardMount(ctx: AppContext, opts: { signInAttempts?: number } = {}): MountedRouter {
  const router = createDashboardRouter({ db: ctx.db, clock: ctx.clock, ops: ctx.ops, publicUrl: ctx.config.PUBLIC_URL, signInAttempts: opts.signInAttempts ?? SIGN_IN_ATTEMPTS });
  return { path: OPS_BASE, router };
}

import type { Router } from 'express';
import type { AppContext } from '../../context.ts';

// Every admin API router, mounted under /api/v1 behind the admin token.
// Each module documents its routes with documentRoute() beside its handlers.
export const adminRouters: Array<(ctx: AppContext) => Router> = [];

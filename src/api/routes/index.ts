import type { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { appointmentsRouter } from './appointments.ts';
import { auditRouter } from './audit.ts';
import { availabilityRouter } from './availability.ts';
import { businessRouter } from './business.ts';
import { customersRouter } from './customers.ts';
import { exceptionsRouter } from './exceptions.ts';
import { exportsRouter } from './exports.ts';
import { feedsRouter } from './feeds.ts';
import { hoursRouter } from './hours.ts';
import { jobsRouter } from './jobs.ts';
import { locationsRouter } from './locations.ts';
import { outboxRouter } from './outbox.ts';
import { reportsRouter } from './reports.ts';
import { rescheduleFlowsRouter } from './reschedule-flows.ts';
import { resourcesRouter } from './resources.ts';
import { servicesRouter } from './services.ts';
import { timeOffRouter } from './time-off.ts';
import { tokensRouter } from './tokens.ts';
import { usersRouter } from './users.ts';
import { webhooksRouter } from './webhooks.ts';

// Every admin API router, mounted under /api/v1 behind token authentication; each
// route's action is checked against the caller's role (src/access).
// Each module documents its routes with documentRoute() beside its handlers.
export const adminRouters: Array<(ctx: AppContext) => Router> = [
  businessRouter,
  locationsRouter,
  servicesRouter,
  resourcesRouter,
  hoursRouter,
  timeOffRouter,
  customersRouter,
  availabilityRouter,
  appointmentsRouter,
  outboxRouter,
  exceptionsRouter,
  usersRouter,
  tokensRouter,
  rescheduleFlowsRouter,
  webhooksRouter,
  jobsRouter,
  reportsRouter,
  auditRouter,
  exportsRouter,
  feedsRouter,
];

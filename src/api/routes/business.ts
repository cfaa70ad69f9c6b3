import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { Business } from '../../generated/prisma/client.ts';
import { BusinessInput, BusinessView } from '../schemas/business.ts';
import { parseBody } from '../validate.ts';
import { notFound } from '../../http/problem.ts';
import { route } from './support.ts';

const tag = 'Business';
const DEFAULT_LATE_CANCEL_WINDOW_MINUTES = 24 * 60;

export const toBusinessView = (b: Business) => ({
  id: b.id,
  name: b.name,
  timeZone: b.timeZone,
  phone: b.phone,
  email: b.email,
  website: b.website,
  policies: b.policies,
  quietHoursStart: b.quietHoursStart,
  quietHoursEnd: b.quietHoursEnd,
  noShowGraceMinutes: b.noShowGraceMinutes,
  noShowAnswerMinutes: b.noShowAnswerMinutes,
  noShowUnanswered: b.noShowUnanswered,
  lateCancelWindowMinutes: b.lateCancelWindowMinutes,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

export function businessRouter({ db }: AppContext): Router {
  const router = Router();

  route(router, { operationId: 'getBusiness', method: 'get', path: '/business', summary: 'The business this installation serves', tag, response: BusinessView }, async () => {
    const b = await db.business.findFirst({ orderBy: { createdAt: 'asc' } });
    if (!b) throw notFound('The business');
    return toBusinessView(b);
  });

  route(
    router,
    { operationId: 'putBusiness', method: 'put', path: '/business', summary: 'Create or replace the business details', tag, body: BusinessInput, response: BusinessView , example: { name: 'Corner Cuts', timeZone: 'America/New_York', phone: '+1 212 555 0100', policies: 'Cancel up to 24 hours ahead at no charge.' } },
    async (req) => {
      const input = parseBody(BusinessInput, req);
      const data = { phone: null, email: null, website: null, policies: null, lateCancelWindowMinutes: DEFAULT_LATE_CANCEL_WINDOW_MINUTES, ...input };
      const existing = await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
      const b = existing ? await db.business.update({ where: { id: existing.id }, data }) : await db.business.create({ data });
      return toBusinessView(b);
    },
  );

  return router;
}

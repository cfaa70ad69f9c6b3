import { Router } from 'express';
import { z } from 'zod';
import { auditEntries } from '../../audit/trail.ts';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../http/problem.ts';
import { instant, page, pageQuery } from '../schemas/common.ts';
import { parseQuery } from '../validate.ts';
import { listCursor, route } from './support.ts';

// GET /audit: who changed what, when, over every record (src/audit).

const tag = 'Audit';
const auditCursor = listCursor('audit', instant);

// "appointment" (every appointment) or "appointment:<id>" (one); likewise exception.
const entity = z
  .string()
  .trim()
  .regex(/^[a-z_]{1,40}(?::[A-Za-z0-9._:-]{1,200})?$/, { message: 'must be a record type, or type:id, e.g. appointment:3f2c1d9e-…' })
  .meta({ description: 'A record type (appointment, exception) or one record as type:id' });

const AuditQuery = z.strictObject({
  entity: entity.optional(),
  actor: z.string().trim().min(1).max(200).optional().meta({ description: 'Actor id: a user id, bootstrap-admin, a customer id, or a system part' }),
  from: instant.optional(),
  to: instant.optional(),
  ...pageQuery,
});

const AuditView = z.strictObject({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  actorType: z.enum(['customer', 'user', 'system', 'model']),
  actorId: z.string().nullable(),
  at: z.iso.datetime(),
  details: z.unknown().meta({ description: 'For appointments: channel, before and after; for other records what the step recorded' }),
  ruleVersion: z.int().nullable().meta({ description: "The service's rule version the appointment was booked under (appointments only)" }),
});

export function auditRouter({ db }: AppContext): Router {
  const router = Router();
  route(
    router,
    { operationId: 'listAudit', method: 'get', path: '/audit', summary: 'Every change to every record, oldest first', tag, query: AuditQuery, response: page(AuditView) },
    async (req) => {
      const q = parseQuery(AuditQuery, req);
      if (q.from && q.to && q.to.getTime() <= q.from.getTime()) throw badRequest('The query string is not valid.', [{ field: 'to', message: 'must be after from' }]);
      const cursor = auditCursor.decode(q.after);
      const [entityType, ...idParts] = q.entity?.split(':') ?? [];
      const rows = await auditEntries({
        db,
        filter: {
          entityType,
          entityId: idParts.length ? idParts.join(':') : undefined,
          actorId: q.actor,
          from: q.from,
          to: q.to,
          after: cursor ? { at: cursor.key, id: cursor.id } : undefined,
          limit: q.limit + 1,
        },
      });
      return auditCursor.page(rows, q.limit, (r) => r.at, (r) => ({ ...r, at: r.at.toISOString() }));
    },
  );
  return router;
}

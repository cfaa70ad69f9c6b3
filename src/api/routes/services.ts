import { isDeepStrictEqual } from 'node:util';
import { Router } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { Prisma, Service, ServiceEligibility, ServiceRequirement } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { IntakeQuestions } from '../../engine/intake.ts';
import { RULE_FIELDS, ServiceCreate, ServiceListQuery, ServiceUpdate, ServiceView, durationRangeErrors, type DurationRange } from '../schemas/service.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { currentBusinessId, keyset, listCursor, pathId, route, translateDbError } from './support.ts';

const tag = 'Services';
const servicesCursor = listCursor('services', instant);

type ServiceRow = Service & { requirements: ServiceRequirement[]; eligibility: ServiceEligibility[] };
const include = { requirements: { orderBy: { kind: 'asc' } }, eligibility: { orderBy: { resourceId: 'asc' } } } as const;

export function toServiceView(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    description: s.description,
    synonyms: s.synonyms,
    durationMinutes: s.durationMinutes,
    minDurationMinutes: s.minDurationMinutes,
    maxDurationMinutes: s.maxDurationMinutes,
    durationStepMinutes: s.durationStepMinutes,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    minNoticeMinutes: s.minNoticeMinutes,
    maxHorizonDays: s.maxHorizonDays,
    slotStepMinutes: s.slotStepMinutes,
    seats: s.seats,
    requiresApproval: s.requiresApproval,
    routingStrategy: s.routingStrategy,
    // Stored JSON was validated on the way in; parsing again fills defaults added since.
    intakeQuestions: IntakeQuestions.parse(s.intakeQuestions),
    reminderOffsetsMinutes: s.reminderOffsetsMinutes,
    cancellationWindowMinutes: s.cancellationWindowMinutes,
    priceCents: s.priceCents,
    active: s.active,
    ruleVersion: s.ruleVersion,
    requirements: s.requirements.map((r) => ({ kind: r.kind, skills: r.skills })),
    eligibleResourceIds: s.eligibility.map((e) => e.resourceId),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

type ServiceInput = z.infer<typeof ServiceUpdate>;

/** Column data for a create or update; requirements and eligibility are rows of their own. */
function columns<T extends ServiceInput>(input: T) {
  const { requirements: _r, eligibleResourceIds: _e, intakeQuestions, ...rest } = input;
  return { ...rest, ...(intakeQuestions ? { intakeQuestions: intakeQuestions as Prisma.InputJsonValue } : {}) };
}

async function assertResourcesExist(db: Prisma.TransactionClient | PrismaClient, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = new Set((await db.resource.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `eligibleResourceIds.${i}`, message: `no resource with id ${id}` }]));
  if (errors.length) throw badRequest('The request body is not valid.', errors);
}

/** Whether the update changes any booking rule, both sides compared in one canonical order. */
function changesRules(current: ReturnType<typeof toServiceView>, input: ServiceInput): boolean {
  const canonical = (v: Partial<Pick<ServiceInput, 'requirements' | 'eligibleResourceIds'>>) => ({
    requirements: v.requirements && [...v.requirements].sort((a, b) => a.kind.localeCompare(b.kind)),
    eligibleResourceIds: v.eligibleResourceIds && [...new Set(v.eligibleResourceIds)].sort(),
  });
  const before = { ...current, ...canonical(current) };
  const after = { ...input, ...canonical(input) };
  return RULE_FIELDS.some((f) => after[f] !== undefined && !isDeepStrictEqual(after[f], before[f]));
}

/** Refuses, before anything is written, a length range a requester could not book as promised. */
function assertDurationRange(r: DurationRange): void {
  const errors = durationRangeErrors(r);
  if (errors.length) throw badRequest('The request body is not valid.', errors);
}

const slugTaken = (slug: string | undefined) => ({ service_business_id_slug_key: conflict(`A service with slug "${slug}" already exists.`) });

export function servicesRouter({ db }: AppContext): Router {
  const router = Router();
  const find = async (id: string) =>
    (await db.service.findUnique({ where: { id }, include })) ?? Promise.reject(notFound(`Service ${id}`));

  route(router, { operationId: 'listServices', method: 'get', path: '/services', summary: 'List services', tag, query: ServiceListQuery, response: page(ServiceView) }, async (req) => {
    const q = parseQuery(ServiceListQuery, req);
    const k = keyset('createdAt', servicesCursor.decode(q.after));
    const where: Prisma.ServiceWhereInput = { AND: [k.where, q.active === undefined ? {} : { active: q.active }] };
    const rows = await db.service.findMany({ where, orderBy: k.orderBy, take: q.limit + 1, include });
    return servicesCursor.page(rows, q.limit, (s) => s.createdAt, toServiceView);
  });

  route(
    router,
    { operationId: 'createService', method: 'post', path: '/services', summary: 'Create a service', tag, body: ServiceCreate, response: ServiceView, status: 201, problems: [409] },
    async (req) => {
      const input = parseBody(ServiceCreate, req);
      assertDurationRange(input);
      const businessId = await currentBusinessId(db);
      await assertResourcesExist(db, input.eligibleResourceIds);
      const created = await db.service
        .create({
          data: {
            ...columns(input),
            businessId,
            requirements: { create: input.requirements },
            eligibility: { create: [...new Set(input.eligibleResourceIds)].map((resourceId) => ({ resourceId })) },
          },
          include,
        })
        .catch((err) => translateDbError(err, slugTaken(input.slug)));
      return toServiceView(created);
    },
  );

  route(router, { operationId: 'getService', method: 'get', path: '/services/:id', summary: 'Get a service', tag, response: ServiceView }, async (req) =>
    toServiceView(await find(pathId(req, 'Service'))),
  );

  route(
    router,
    {
      operationId: 'updateService',
      method: 'patch',
      path: '/services/:id',
      summary: 'Update a service; any change to its booking rules bumps ruleVersion',
      tag,
      body: ServiceUpdate,
      response: ServiceView,
      problems: [409],
    },
    async (req) => {
      const id = pathId(req, 'Service');
      const input = parseBody(ServiceUpdate, req);
      const updated = await db
        .$transaction(async (tx) => {
          // Locked so two concurrent rule changes each bump the version.
          await tx.$queryRaw`SELECT 1 FROM service WHERE id = ${id}::uuid FOR UPDATE`;
          const current = await tx.service.findUnique({ where: { id }, include });
          if (!current) throw notFound(`Service ${id}`);
          assertDurationRange({ ...current, ...input });
          await assertResourcesExist(tx, input.eligibleResourceIds);
          const bump = changesRules(toServiceView(current), input);
          if (input.requirements) {
            await tx.serviceRequirement.deleteMany({ where: { serviceId: id } });
            await tx.serviceRequirement.createMany({ data: input.requirements.map((r) => ({ ...r, serviceId: id })) });
          }
          if (input.eligibleResourceIds) {
            await tx.serviceEligibility.deleteMany({ where: { serviceId: id } });
            await tx.serviceEligibility.createMany({ data: [...new Set(input.eligibleResourceIds)].map((resourceId) => ({ resourceId, serviceId: id })) });
          }
          return tx.service.update({
            where: { id },
            data: { ...columns(input), ...(bump ? { ruleVersion: { increment: 1 } } : {}) },
            include,
          });
        })
        .catch((err) => translateDbError(err, slugTaken(input.slug)));
      return toServiceView(updated);
    },
  );

  route(
    router,
    { operationId: 'deleteService', method: 'delete', path: '/services/:id', summary: 'Delete a service that has no appointments', tag, status: 204, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Service');
      await find(id);
      await db.service.delete({ where: { id } }).catch((err) =>
        translateDbError(err, {
          appointment_service_id_fkey: conflict('The service has appointments: set active to false instead of deleting it.'),
        }),
      );
    },
  );

  return router;
}

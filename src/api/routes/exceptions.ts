import { type Request, Router } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { OpsActor, OpsCommand } from '../../contract/ops.ts';
import type { Exception } from '../../generated/prisma/client.ts';
import { OpsError, type ExceptionDetail } from '../../ops/index.ts';
import { conflict, forbidden, HttpProblem, notFound, unprocessable } from '../../http/problem.ts';
import { instant, page } from '../schemas/common.ts';
import { AssignBody, CloseBody, ExceptionDetailView, ExceptionListQuery, ExceptionView, ReplyBody, ReplyView, EmptyBody } from '../schemas/exception.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { exceptionRecord } from '../../views/records.ts';
import { listCursor, pathId, route } from './support.ts';

const exceptionsCursor = listCursor('exceptions', instant);

// The ops inbox: exceptions raised by the channels and the conversation, read and
// worked here. Every command goes to the ops core (ctx.ops), which checks the
// permission matrix itself, so a Slack or Teams button gets the same rules.

const tag = 'Exceptions';

export const toExceptionView = (e: Exception): z.infer<typeof ExceptionView> => exceptionRecord(e);

function toDetailView(d: ExceptionDetail): z.infer<typeof ExceptionDetailView> {
  const a = d.appointment;
  const c = d.conversation;
  return {
    ...toExceptionView(d.exception),
    customer: d.customer,
    appointment: a && {
      id: a.id,
      status: a.status,
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      serviceName: a.service.name,
      locationName: a.location.name,
      timeZone: a.location.timeZone,
      resourceIds: [...new Set(a.reservations.map((r) => r.resourceId))],
    },
    conversation: c && {
      id: c.id,
      channel: c.channel,
      handedOff: c.handedOff,
      lastMessages: c.messages.map((m) => ({ id: m.id, direction: m.direction, role: m.role, text: m.text, at: m.createdAt.toISOString() })),
    },
    trail: d.trail.map((t) => ({ action: t.action, actorType: t.actorType, actorId: t.actorId, at: t.at.toISOString(), details: t.details as Record<string, unknown> })),
  };
}

/** The ops core's refusals as problem documents. */
function toProblem(err: unknown): never {
  if (!(err instanceof OpsError)) throw err;
  const extra = { code: err.code, ...err.details };
  switch (err.code) {
    case 'not_found':
      throw new HttpProblem(404, 'Not Found', err.message);
    case 'forbidden':
      throw forbidden(err.message);
    case 'invalid_transition':
      throw conflict(err.message, extra);
    default:
      throw unprocessable(err.message, extra);
  }
}

export function exceptionsRouter({ db, ops }: AppContext): Router {
  const router = Router();

  /** The caller as the ops core knows them; the audit trail keeps their name beside their id. */
  async function actorOf(req: Request): Promise<OpsActor> {
    const p = req.principal!;
    const user = p.userId ? await db.user.findUnique({ where: { id: p.userId }, select: { name: true } }) : null;
    return { userId: p.userId, role: p.role, via: 'api', displayName: user?.name ?? p.actorId };
  }

  const execute = async (req: Request, command: OpsCommand) => ops.execute(command, await actorOf(req)).catch(toProblem);

  route(
    router,
    { operationId: 'listExceptions', method: 'get', path: '/exceptions', summary: 'List exceptions, oldest first (filter by status, type, assignee, appointment, since)', tag, query: ExceptionListQuery, response: page(ExceptionView) },
    async (req) => {
      const q = parseQuery(ExceptionListQuery, req);
      const cursor = exceptionsCursor.decode(q.after);
      const rows = await ops
        .list(await actorOf(req), {
          status: q.status,
          type: q.type,
          assigneeUserId: q.assignee,
          appointmentId: q.appointment,
          since: q.since,
          after: cursor && { createdAt: cursor.key, id: cursor.id },
          limit: q.limit,
        })
        .catch(toProblem);
      return exceptionsCursor.page(rows, q.limit, (e) => e.createdAt, toExceptionView);
    },
  );

  route(
    router,
    { operationId: 'getException', method: 'get', path: '/exceptions/:id', summary: "Get an exception with its customer, appointment, the conversation's last messages and its audit trail", tag, response: ExceptionDetailView },
    async (req) => {
      const id = pathId(req, 'Exception');
      return toDetailView(await ops.get(await actorOf(req), id).catch(toProblem));
    },
  );

  /** One lifecycle step: parse its body, run it as an ops command, answer with the exception as it now is. */
  const step = <B extends z.ZodType>(kind: OpsCommand['kind'], summary: string, body: B, command: (exceptionId: string, input: z.infer<B>) => OpsCommand) =>
    route(router, { operationId: `${kind}Exception`, method: 'post', path: `/exceptions/:id/${kind}`, summary, tag, body, response: ExceptionView, problems: [409, 422] }, async (req) => {
      const exceptionId = pathId(req, 'Exception');
      const input = parseBody(body, req);
      return toExceptionView((await execute(req, command(exceptionId, input))).exception);
    });

  step('take', 'Take an exception: assign it to yourself', EmptyBody, (exceptionId) => ({ kind: 'take', exceptionId }));
  step('assign', 'Assign an exception to a user who may resolve it', AssignBody, (exceptionId, b) => ({ kind: 'assign', exceptionId, assigneeUserId: b.assigneeUserId }));
  step('resolve', 'Resolve an exception, saying how (a resolved hand-off gives the conversation back to the bot)', CloseBody, (exceptionId, b) => ({ kind: 'resolve', exceptionId, reason: b.reason }));
  step('dismiss', 'Dismiss an exception that needs no handling, saying why', CloseBody, (exceptionId, b) => ({ kind: 'dismiss', exceptionId, reason: b.reason }));
  step('approve', 'Approve an approval_needed exception: its requested appointment is confirmed', EmptyBody, (exceptionId) => ({ kind: 'approve', exceptionId }));
  step('decline', 'Decline an approval_needed exception: its requested appointment is canceled with the reason', CloseBody, (exceptionId, b) => ({ kind: 'decline', exceptionId, reason: b.reason }));

  route(
    router,
    { operationId: 'replyException', method: 'post', path: '/exceptions/:id/reply', summary: "Answer the customer on their channel; the reply joins the conversation's transcript as from staff", tag, body: ReplyBody, response: ReplyView, problems: [409, 422] },
    async (req) => {
      const exceptionId = pathId(req, 'Exception');
      const body = parseBody(ReplyBody, req);
      const outcome = await execute(req, { kind: 'reply', exceptionId, text: body.text });
      if (!outcome.reply) throw notFound(`Exception ${exceptionId}`);
      return { exception: toExceptionView(outcome.exception), messageId: outcome.reply.messageId, delivery: outcome.reply.notice.status };
    },
  );

  return router;
}

import { z } from 'zod';
import { EXCEPTION_STATUSES, EXCEPTION_TYPES } from '../../contract/ops.ts';
import { instant, pageQuery, uuid } from './common.ts';

// The ops inbox over HTTP: exceptions, their context, and the commands that work them.

export const exceptionType = z.enum(EXCEPTION_TYPES);
export const exceptionStatus = z.enum(EXCEPTION_STATUSES).meta({ description: 'open → assigned → resolved, or dismissed' });

/** "a" or "a,b": one value or several separated by commas. */
const oneOrMore = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(item));

export const ExceptionListQuery = z.strictObject({
  ...pageQuery,
  status: oneOrMore(exceptionStatus).optional().meta({ description: 'One status, or several separated by commas' }),
  type: oneOrMore(exceptionType).optional().meta({ description: 'One type, or several separated by commas' }),
  assignee: uuid.optional().meta({ description: 'The assigned user' }),
  appointment: uuid.optional(),
  since: instant.optional().meta({ description: 'Raised at or after this instant' }),
});

/** The exceptions CSV export: any mix of statuses and types, raised in [from, to), about an appointment at a location. */
export const ExceptionExportQuery = z.strictObject({
  status: oneOrMore(exceptionStatus).optional().meta({ description: 'One status, or several separated by commas' }),
  type: oneOrMore(exceptionType).optional().meta({ description: 'One type, or several separated by commas' }),
  from: instant.optional().meta({ description: 'Raised at or after this instant' }),
  to: instant.optional().meta({ description: 'Raised before this instant' }),
  location: uuid.optional().meta({ description: "The location of the exception's appointment" }),
});

const reason = z.string().trim().min(1, { message: 'must not be empty' }).max(1000);

export const AssignBody = z.strictObject({ assigneeUserId: uuid });
/** Commands that need nothing but the exception (take, approve). */
export const EmptyBody = z.strictObject({});
export const CloseBody = z.strictObject({ reason });
export const ReplyBody = z.strictObject({ text: z.string().trim().min(1, { message: 'must not be empty' }).max(1600) });

export const ExceptionView = z.strictObject({
  id: uuid,
  type: exceptionType,
  status: exceptionStatus,
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  appointmentId: uuid.nullable(),
  conversationId: uuid.nullable(),
  customerId: uuid.nullable(),
  assigneeUserId: uuid.nullable(),
  assignedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable().meta({ description: 'Why it was resolved or dismissed' }),
  closedBy: z.string().nullable().meta({ description: 'Who resolved or dismissed it: a user id or bootstrap-admin' }),
  resolvedAt: z.iso.datetime().nullable().meta({ description: 'When it was resolved or dismissed' }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const AuditEventView = z.strictObject({
  action: z.string(),
  actorType: z.enum(['customer', 'user', 'system', 'model']),
  actorId: z.string().nullable(),
  at: z.iso.datetime(),
  details: z.record(z.string(), z.unknown()),
});

export const ExceptionDetailView = ExceptionView.extend({
  customer: z.strictObject({ id: uuid, name: z.string().nullable(), phone: z.string(), language: z.string(), optedOut: z.boolean() }).nullable(),
  appointment: z
    .strictObject({
      id: uuid,
      status: z.string(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      serviceName: z.string(),
      locationName: z.string(),
      timeZone: z.string(),
      resourceIds: z.array(uuid),
    })
    .nullable(),
  conversation: z
    .strictObject({
      id: uuid,
      channel: z.string(),
      handedOff: z.boolean(),
      lastMessages: z.array(
        z.strictObject({ id: uuid, direction: z.enum(['inbound', 'outbound']), role: z.string().meta({ description: 'user | assistant | staff | …' }), text: z.string().nullable(), at: z.iso.datetime() }),
      ),
    })
    .nullable(),
  trail: z.array(AuditEventView).meta({ description: 'Every step, oldest first, with the acting user' }),
});

export const ReplyView = z.strictObject({
  exception: ExceptionView,
  messageId: uuid.meta({ description: 'The reply in the conversation transcript' }),
  delivery: z.enum(['sent', 'outbox', 'queued', 'suppressed', 'failed']).meta({ description: 'What the channel did with it' }),
});

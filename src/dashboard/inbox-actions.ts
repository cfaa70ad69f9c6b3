import type { z } from 'zod';
import { AssignBody, CloseBody, EmptyBody, ReplyBody } from '../api/schemas/exception.ts';
import type { NoticeStatus } from '../contract/notifier.ts';
import type { OpsCommand } from '../contract/ops.ts';
import type { OpsOutcome } from '../ops/index.ts';

// The inbox's forms as ops commands. Each form names one command and carries the same
// fields the admin API takes (the same zod schemas), so a value refused there is
// refused here; the command then runs through the ops core like a Slack button's.

interface FormCommand<B extends z.ZodType> {
  body: B;
  command: (exceptionId: string, input: z.infer<B>) => OpsCommand;
  /** What the flash says once it is done, from what the core answered. */
  done: string | ((outcome: OpsOutcome) => string);
  /** Closing commands send the user back to the inbox: the exception has left it. */
  closes: boolean;
}

// A reply is only called sent when the channel took it: an opted-out customer's is not.
const REPLY_DONE: Record<NoticeStatus, string> = {
  sent: 'Reply sent to the customer.',
  queued: 'Reply queued for the customer; it goes out in a moment.',
  outbox: 'Reply kept in the local outbox: no provider is configured for this channel.',
  suppressed: 'Reply recorded but not sent: the channel suppressed it (the customer may have opted out).',
  failed: 'Reply recorded but the channel could not deliver it.',
};
const replyDone = (status: NoticeStatus | undefined) => (status ? REPLY_DONE[status] : 'Reply recorded.');

/** The flash text for a finished command. */
export const doneText = (spec: FormCommand<z.ZodType>, outcome: OpsOutcome) => (typeof spec.done === 'string' ? spec.done : spec.done(outcome));

const form = <B extends z.ZodType>(c: FormCommand<B>) => c as unknown as FormCommand<z.ZodType>;

const COMMANDS = {
  take: form({ body: EmptyBody, command: (exceptionId) => ({ kind: 'take', exceptionId }), done: 'You took this exception.', closes: false }),
  assign: form({ body: AssignBody, command: (exceptionId, b) => ({ kind: 'assign', exceptionId, assigneeUserId: b.assigneeUserId }), done: 'Assigned.', closes: false }),
  approve: form({ body: EmptyBody, command: (exceptionId) => ({ kind: 'approve', exceptionId }), done: 'Approved: the appointment is confirmed.', closes: true }),
  decline: form({ body: CloseBody, command: (exceptionId, b) => ({ kind: 'decline', exceptionId, reason: b.reason }), done: 'Declined: the appointment is canceled.', closes: true }),
  reply: form({ body: ReplyBody, command: (exceptionId, b) => ({ kind: 'reply', exceptionId, text: b.text }), done: (o) => replyDone(o.reply?.notice.status), closes: false }),
  resolve: form({ body: CloseBody, command: (exceptionId, b) => ({ kind: 'resolve', exceptionId, reason: b.reason }), done: 'Resolved.', closes: true }),
  dismiss: form({ body: CloseBody, command: (exceptionId, b) => ({ kind: 'dismiss', exceptionId, reason: b.reason }), done: 'Dismissed.', closes: true }),
};

/** The form command named in the URL; a Map, so a name like "constructor" finds nothing. */
export const FORM_COMMANDS: ReadonlyMap<string, FormCommand<z.ZodType>> = new Map(Object.entries(COMMANDS));

export type ParsedForm = { ok: true; command: OpsCommand } | { ok: false; problem: string };

/** The form's fields (without its CSRF token) as the command, or why they are refused. */
export function parseForm(spec: FormCommand<z.ZodType>, exceptionId: string, body: Record<string, unknown>): ParsedForm {
  const { csrf: _csrf, ...fields } = body;
  const parsed = spec.body.safeParse(fields);
  if (parsed.success) return { ok: true, command: spec.command(exceptionId, parsed.data) };
  const problem = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')} ${i.message}` : i.message)).join('; ');
  return { ok: false, problem };
}

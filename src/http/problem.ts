import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import { z } from 'zod';

// Errors leave the API as RFC 9457 problem documents (application/problem+json).

export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new HttpProblem(400, 'Bad Request', detail, errors.length ? { errors } : {});
export const unauthorized = (detail = 'A valid bearer token is required.') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} was not found.`);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new HttpProblem(409, 'Conflict', detail, extra);
export const unprocessable = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(422, 'Unprocessable Content', detail, extra);

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    field: i.path.length ? i.path.join('.') : ((i as { keys?: string[] }).keys?.join(', ') ?? '(body)'),
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${(i as { keys: string[] }).keys.join(', ')}` : i.message,
  }));
}

export function sendProblem(res: Response, p: HttpProblem): void {
  res
    .status(p.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title: p.title, status: p.status, ...(p.detail ? { detail: p.detail } : {}), ...p.extra });
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return sendProblem(res, err);
  if (err instanceof z.ZodError) return sendProblem(res, badRequest('The request is not valid.', fieldErrors(err)));
  // body-parser errors (malformed JSON, too large, unsupported charset) carry a status and a type.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendProblem(res, new HttpProblem(status, status === 413 ? 'Content Too Large' : (STATUS_CODES[status] ?? 'Bad Request'), bodyErrorDetail(err as Error & { type?: string })));
  }
  req.log?.error({ err }, 'unhandled error');
  sendProblem(res, new HttpProblem(500, 'Internal Server Error', 'Something went wrong on our side.'));
};

/** What a client can act on for a body-parser refusal; its own messages are terse ("request entity too large"). */
function bodyErrorDetail(err: Error & { type?: string; limit?: number }): string {
  if (err.type === 'entity.too.large') return `The request body is larger than ${err.limit} bytes.`;
  if (err.type === 'entity.parse.failed') return `The request body is not valid JSON: ${err.message}`;
  return err.message;
}

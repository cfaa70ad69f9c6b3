import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, fieldErrors } from '../http/problem.ts';

// Parsers for the three places a request carries input. Schemas are strict
// objects, so unknown fields are rejected with a field-level message.

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') {
    throw badRequest('The request body must be a JSON object (Content-Type: application/json).');
  }
  return parseWith(schema, req.body, 'The request body is not valid.');
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  // A query string is flat: an error in one item of a list (`status=open,nope`) names the parameter.
  return parseWith(schema, { ...req.query }, 'The query string is not valid.', (field) => field.split('.')[0]!);
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseWith(schema, req.params, 'The path is not valid.');
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, detail: string, name = (field: string) => field): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw badRequest(detail, fieldErrors(parsed.error).map((e) => ({ ...e, field: name(e.field) })));
  return parsed.data;
}

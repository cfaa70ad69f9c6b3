import { z } from 'zod';

// The OpenAPI 3.1 description is built from the same zod schemas the handlers
// parse with, so the document cannot drift from what the API accepts.

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under /api/v1, e.g. "/services/:id". */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  /** Status of the success response; 200 unless given. */
  status?: number;
  /** Problem statuses besides 400, 401, 403 and 404 (e.g. 409 when a delete is refused). */
  problems?: number[];
}

const routes: RouteDoc[] = [];

/** Declares a route in the API description; call it next to the handler it documents. */
export function documentRoute(doc: RouteDoc): void {
  if (!routes.some((r) => r.method === doc.method && r.path === doc.path)) routes.push(doc);
}

const problem = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(s as z.ZodType, 'input'),
        }))
      : [];
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: [{ bearer: [] }],
      parameters: [...pathParams, ...queryParams],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          ...(r.response ? { content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } } : {}),
        },
        '400': problem,
        '401': problem,
        // Every route: the caller's role may not perform its action (src/access/matrix.ts).
        '403': problem,
        '404': problem,
        ...Object.fromEntries((r.problems ?? []).map((status) => [String(status), problem])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Frontdesk admin API', version: '1' },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    paths,
  };
}

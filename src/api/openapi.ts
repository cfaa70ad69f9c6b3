import { z } from 'zod';

// The OpenAPI 3.1 description is built from the same zod schemas the handlers
// parse with, so the document cannot drift from what the API accepts.

export interface RouteDoc {
  /** Stable name of the operation (client generators make method names of it); unique. */
  operationId: string;
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
  /** Problem statuses besides 400, 401, 403, 404 and 429 (e.g. 409 when a delete is refused). */
  problems?: number[];
  /** An example request body; the OpenAPI lint checks it against `body`. */
  example?: unknown;
  /** also: the success response can also be CSV (`Accept: text/csv` or `format=csv`); only: it is always CSV. */
  csv?: 'also' | 'only';
}

const routes: RouteDoc[] = [];

/** What each tag groups, in the order readers meet them. A tag missing here still appears, undescribed, and fails the OpenAPI lint. */
const TAGS: Record<string, string> = {
  Business: 'The business this installation serves: name, contact details, policies, quiet hours, no-show handling',
  Locations: 'Places where appointments happen, each in its own time zone',
  Services: 'What can be booked: duration, buffers, notice, horizon, intake questions, reminders',
  Resources: 'Staff, rooms and equipment that services need',
  Hours: "A resource's weekly hours and its date overrides",
  'Time off': 'Periods when a resource cannot be booked',
  Customers: 'People who book, identified by phone number',
  Availability: 'Bookable slots computed by the scheduling engine',
  Appointments: 'Booking, moving, cancelling and the status of appointments',
  Outbox: 'Every outbound message and its delivery status',
  Users: 'People who work in Frontdesk, their roles and linked chat and staff identities',
  Tokens: 'API tokens per user, each with a scope and an expiry (shown once)',
  Exceptions: 'The ops inbox: what needs a person, and the steps staff take on it',
  'Reschedule flows': 'When a provider is out: which appointments a change would affect (dry run), and the offers of new times made to their customers',
  Webhooks: 'Outbound webhook subscriptions (signed, retried) and the log of every delivery attempt',
  Jobs: 'The background job queues (admins only): counts by state, the latest failures, reminder outcomes',
  Audit: 'Who changed what and when, over every record, with the rule version each appointment was booked under',
  Exports: 'Appointments, customers and exceptions as CSV over the list filters, streamed',
  Feeds: 'Private, revocable ICS calendar feeds of a staff member, room or location (the URL is shown once)',
  Reports: 'Business KPIs over a period: speed to appointment, no-shows, late cancels, utilization, exceptions, admin time',
};

/** Declares a route in the API description; call it next to the handler it documents. */
export function documentRoute(doc: RouteDoc): void {
  if (routes.some((r) => r.method === doc.method && r.path === doc.path)) return;
  const clash = routes.find((r) => r.operationId === doc.operationId);
  if (clash) throw new Error(`operationId ${doc.operationId} is used by both ${clash.method} ${clash.path} and ${doc.method} ${doc.path}`);
  routes.push(doc);
}

/** Takes a declared route out of the description again: a probe route a test declares and throws away. */
export function forgetRoute(method: RouteDoc['method'], path: string): void {
  const at = routes.findIndex((r) => r.method === method && r.path === path);
  if (at >= 0) routes.splice(at, 1);
}

const PROBLEM_EXAMPLES: Record<number, { title: string; detail: string; errors?: Array<{ field: string; message: string }> }> = {
  400: { title: 'Bad Request', detail: 'The request body is not valid.', errors: [{ field: 'name', message: 'Invalid input: expected string, received undefined' }] },
  401: { title: 'Unauthorized', detail: 'A valid bearer token is required.' },
  404: { title: 'Not Found', detail: 'Service 3f2c1d9e-8b7a-4c6d-9e0f-123456789012 was not found.' },
  409: { title: 'Conflict', detail: 'A record with the same unique value already exists.' },
  422: { title: 'Unprocessable Content', detail: '"Haircut" must be booked at least 120 minutes ahead.' },
  429: { title: 'Too Many Requests', detail: 'The admin rate limit is exhausted; retry after 42 seconds.' },
};

function problem(status: number) {
  const example = PROBLEM_EXAMPLES[status] ?? { title: 'Error', detail: 'The request could not be completed.' };
  return {
    description: `${example.title} (RFC 9457 problem details)`,
    // Every operation sits behind the rate limit; 429 says when to come back.
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } } } } : {}),
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/Problem' },
        example: { type: 'about:blank', status, ...example },
      },
    },
  };
}

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
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: [{ bearer: [] }],
      parameters: [...pathParams, ...queryParams],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input'), ...(r.example === undefined ? {} : { example: r.example }) } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          ...(r.csv === 'only'
            ? { content: { 'text/csv': { schema: { type: 'string', description: 'A header row, then one row per record' } } } }
            : r.response
            ? {
                content: {
                  'application/json': { schema: jsonSchema(r.response, 'output') },
                  ...(r.csv === 'also' ? { 'text/csv': { schema: { type: 'string', description: 'One row per figure, with a header row' } } } : {}),
                },
              }
            : {}),
        },
        // 403 on every route: the caller's role may not perform its action (src/access/matrix.ts).
        ...Object.fromEntries([400, 401, 403, 404, 429, ...(r.problems ?? [])].map((status) => [String(status), problem(status)])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontdesk admin API',
      version: '1',
      description: 'Set up the business and book, move and cancel appointments. Every operation takes `Authorization: Bearer <token>`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set([...Object.keys(TAGS), ...routes.map((r) => r.tag)])].map((name) => ({ name, ...(TAGS[name] ? { description: TAGS[name] } : {}) })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
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

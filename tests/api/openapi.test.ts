import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ENDPOINTS } from './endpoints.ts';
import { json } from './fixtures.ts';

// The published description lists every admin route this suite exercises, with
// the strict request schemas the handlers parse with.

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown>; example?: unknown } } };
  responses: Record<string, { content?: Record<string, { schema: unknown; example?: unknown }> }>;
};
type Doc = { openapi: string; info: { title: string; license?: unknown }; paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

let app: TestApp;
let doc: Doc;
beforeAll(async () => {
  app = await createTestApp();
  // Served without a token: the description is public, the API is not.
  doc = await json<Doc>(await app.api('/api/v1/openapi.json', { auth: false }), 200);
});
afterAll(() => app.close());

const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer security', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.components).toMatchObject({ securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } });
  });

  it.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} ${e.route}`, e] as const))('documents %s', (_name, e) => {
    const op = doc.paths[openApiPath(e.route)]?.[e.method];
    expect(op, 'operation documented').toBeDefined();
    expect(op!.summary).toBeTruthy();
    for (const m of e.route.matchAll(/:(\w+)/g)) expect(op!.parameters).toContainEqual(expect.objectContaining({ name: m[1], in: 'path', required: true }));
    expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['400', '401', '404']));
    const success = Object.keys(op!.responses).find((s) => s.startsWith('2'));
    expect(success).toBeDefined();
    // A CSV export documents its text/csv body instead of JSON.
    if (e.method !== 'delete') expect(op!.responses[success!]!.content?.['application/json']?.schema ?? op!.responses[success!]!.content?.['text/csv']?.schema).toBeDefined();
    if (e.valid) {
      const schema = op!.requestBody?.content['application/json'].schema;
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    } else {
      expect(op!.requestBody).toBeUndefined();
    }
    if (e.paginated) expect(op!.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['limit', 'after']));
  });

  it('documents no route that the bad-input tests do not exercise', () => {
    const tested = new Set(ENDPOINTS.map((e) => `${e.method} ${openApiPath(e.route)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual([...tested].sort());
  });

  it('describes the intake question types in the service schema', () => {
    const text = JSON.stringify(doc.paths['/services']!.post!.requestBody);
    for (const type of ['text', 'choice', 'yes_no', 'date', 'email', 'number']) expect(text).toContain(`"const":"${type}"`);
  });
});

// Redocly's recommended-strict ruleset (every recommended warning is an error),
// plus rules it leaves off: 4xx answers are RFC 9457 problem documents, every tag
// is declared, and examples match their schemas exactly.
const LINT_RULES = {
  'operation-4xx-problem-details-rfc7807': 'error',
  'operation-tag-defined': 'error',
  'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: false },
} as const;

describe('OpenAPI lint', () => {
  it('reports 0 errors and 0 warnings', async () => {
    const config = await createConfig({ extends: ['recommended-strict'], rules: LINT_RULES });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const found = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(found).toEqual([]);
  });

  it('names every operation uniquely and gives the license and examples', () => {
    const ops = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    const ids = ops.map((op) => op.operationId);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ops.length);
    expect(doc.info).toMatchObject({ license: { identifier: 'MIT' } });
    for (const op of ops) expect(op.responses['429']?.content?.['application/problem+json']).toMatchObject({ example: { status: 429 } });
    // The lint above checks each example against its schema.
    expect(doc.paths['/appointments']!.post!.requestBody?.content['application/json']).toMatchObject({ example: { customer: { phone: expect.any(String) } } });
  });
});


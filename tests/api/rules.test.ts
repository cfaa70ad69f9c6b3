import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from '../../src/api/schemas/common.ts';
import { CustomerView } from '../../src/api/schemas/customer.ts';
import { ServiceView } from '../../src/api/schemas/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildFixture, insertAppointment, json, snapshot, type Fixture } from './fixtures.ts';

// Behaviour beyond plain CRUD: rule versions, refusing deletes that would orphan
// appointments, intake question rules, and cursor pagination.

let app: TestApp;
let f: Fixture;
beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const call = (path: string, init: Parameters<TestApp['api']>[1] = {}) => app.api(`/api/v1${path}`, init);
const patchService = async (body: Record<string, unknown>) =>
  ServiceView.parse(await json(await call(`/services/${f.serviceId}`, { method: 'PATCH', json: body }), 200));

describe('service rule versions', () => {
  it('bumps ruleVersion when a booking rule changes, not for cosmetic edits or no-op writes', async () => {
    const v0 = ServiceView.parse(await json(await call(`/services/${f.serviceId}`), 200)).ruleVersion;
    expect((await patchService({ name: 'Deep cleaning', synonyms: ['scale and polish'], priceCents: 12000 })).ruleVersion).toBe(v0);
    expect((await patchService({ durationMinutes: 45 })).ruleVersion).toBe(v0);
    expect((await patchService({ requirements: [{ kind: 'room', skills: [] }, { kind: 'staff', skills: ['cleaning'] }] })).ruleVersion).toBe(v0);
    expect((await patchService({ durationMinutes: 60 })).ruleVersion).toBe(v0 + 1);
    expect((await patchService({ minNoticeMinutes: 120, bufferAfterMinutes: 10 })).ruleVersion).toBe(v0 + 2);
    expect((await patchService({ eligibleResourceIds: [] })).ruleVersion).toBe(v0 + 3);
    const s = await patchService({ requirements: [{ kind: 'staff' }] });
    expect(s.ruleVersion).toBe(v0 + 4);
    expect(s.requirements).toEqual([{ kind: 'staff', skills: [] }]);
    expect((await patchService({ intakeQuestions: [{ id: 'reason', prompt: 'Reason for visit?', type: 'text' }] })).ruleVersion).toBe(v0 + 5);
  });

  it('concurrent rule changes each bump the version', async () => {
    const v0 = ServiceView.parse(await json(await call(`/services/${f.serviceId}`), 200)).ruleVersion;
    await Promise.all([10, 20, 30, 40].map((m) => patchService({ bufferBeforeMinutes: m })));
    expect(ServiceView.parse(await json(await call(`/services/${f.serviceId}`), 200)).ruleVersion).toBe(v0 + 4);
  });

  it('refuses eligibility for resources that do not exist, naming the entry', async () => {
    const before = await snapshot(app);
    const res = await call(`/services/${f.serviceId}`, { method: 'PATCH', json: { eligibleResourceIds: [f.resourceId, '5f1c2a9e-7d3b-4c1e-9a5b-2e8f6d4c3b1a'] } });
    const p = await json<{ errors: Array<{ field: string }> }>(res, 400);
    expect(p.errors.map((e) => e.field)).toEqual(['eligibleResourceIds.1']);
    expect(await snapshot(app)).toEqual(before);
  });

  it('refuses a duplicate requirement kind and a slug already used', async () => {
    const p = await json<{ errors: Array<{ field: string }> }>(
      await call(`/services/${f.serviceId}`, { method: 'PATCH', json: { requirements: [{ kind: 'staff' }, { kind: 'staff' }] } }),
      400,
    );
    expect(p.errors.map((e) => e.field)).toEqual(['requirements.1.kind']);
    await json(await call('/services', { method: 'POST', json: { name: 'Other', slug: 'other', durationMinutes: 30 } }), 201);
    await json(await call(`/services/${f.serviceId}`, { method: 'PATCH', json: { slug: 'other' } }), 409);
  });
});

describe('intake questions', () => {
  const post = (intakeQuestions: unknown[]) =>
    call('/services', { method: 'POST', json: { name: 'Consult', slug: `consult-${Math.random().toString(36).slice(2, 8)}`, durationMinutes: 30, intakeQuestions } });

  it('accepts every question type and a condition on an earlier answer', async () => {
    const s = ServiceView.parse(
      await json(
        await post([
          { id: 'visit', prompt: 'What brings you in?', type: 'choice', options: ['checkup', 'pain', 'other'] },
          { id: 'pain_level', prompt: 'How bad, 1–10?', type: 'number', min: 1, max: 10, when: { question: 'visit', equals: 'pain' } },
          { id: 'details', prompt: 'Tell us more', type: 'text', required: false, when: { question: 'visit', equals: ['pain', 'other'] } },
          { id: 'insured', prompt: 'Do you have insurance?', type: 'yes_no' },
          { id: 'dob', prompt: 'Date of birth?', type: 'date' },
          { id: 'email', prompt: 'Email for the receipt?', type: 'email', required: false },
        ]),
        201,
      ),
    );
    expect(s.intakeQuestions.map((q) => q.type)).toEqual(['choice', 'number', 'text', 'yes_no', 'date', 'email']);
  });

  it.each([
    ['a condition on a later question', [{ id: 'b', prompt: 'B?', type: 'text', when: { question: 'a', equals: 'x' } }, { id: 'a', prompt: 'A?', type: 'text' }], 'intakeQuestions.0.when.question'],
    ['a condition value the earlier question cannot take', [{ id: 'a', prompt: 'A?', type: 'yes_no' }, { id: 'b', prompt: 'B?', type: 'text', when: { question: 'a', equals: 'maybe' } }], 'intakeQuestions.1.when.equals'],
    ['duplicate ids', [{ id: 'a', prompt: 'A?', type: 'text' }, { id: 'a', prompt: 'A again?', type: 'date' }], 'intakeQuestions.1.id'],
    ['a choice without options', [{ id: 'a', prompt: 'A?', type: 'choice' }], 'intakeQuestions.0.options'],
    ['options on a yes/no question', [{ id: 'a', prompt: 'A?', type: 'yes_no', options: ['y', 'n'] }], 'intakeQuestions.0'],
    ['a bad id', [{ id: 'Has Spaces', prompt: 'A?', type: 'text' }], 'intakeQuestions.0.id'],
  ])('refuses %s', async (_what, questions, field) => {
    const p = await json<{ errors: Array<{ field: string }> }>(await post(questions), 400);
    expect(p.errors.map((e) => e.field)).toContain(field);
  });
});

describe('deleting what appointments refer to', () => {
  it('answers 409 and deletes nothing for a booked location, service, resource and customer', async () => {
    await insertAppointment(app, f);
    const before = await snapshot(app);
    for (const path of [`/locations/${f.locationId}`, `/services/${f.serviceId}`, `/resources/${f.resourceId}`, `/customers/${f.customerId}`]) {
      const p = await json<{ detail: string }>(await call(path, { method: 'DELETE' }), 409);
      expect(p.detail).toMatch(/appointment|resources/);
    }
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('cursor pagination', () => {
  it('walks every item exactly once, in creation order, while rows are added', async () => {
    const phones = Array.from({ length: 7 }, (_, i) => `+1415555${String(1000 + i)}`);
    for (const phone of phones) await json(await call('/customers', { method: 'POST', json: { phone } }), 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await call(`/customers?limit=3${cursor ? `&after=${cursor}` : ''}`);
      const p = page(CustomerView).parse(await json(res, 200));
      seen.push(...p.items.map((c) => c.phone));
      cursor = p.nextCursor;
      if (pages++ === 0) await json(await call('/customers', { method: 'POST', json: { phone: '+14155559999' } }), 201);
    } while (cursor);
    expect(seen).toEqual(['+12125550142', ...phones, '+14155559999']);
    expect(pages).toBe(3);
  });
});

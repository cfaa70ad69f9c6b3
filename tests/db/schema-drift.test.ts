import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { parseSchema, schemaDifferences } from '../support/schema-drift.ts';

describe('migrations match schema.prisma', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('has every model, column, type, nullability, index and enum the schema declares, and nothing else', async () => {
    const diffs = await schemaDifferences(await parseSchema(), t.pool);
    expect(diffs).toEqual([]);
  });

  it('reports a column added to schema.prisma without a migration', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
    const edited = text.replace('model Customer {\n', 'model Customer {\n  nickname String?\n');
    expect(edited).not.toBe(text);
    const diffs = await schemaDifferences(await parseSchema(edited), t.pool);
    expect(diffs).toContain('Customer.nickname: column customer.nickname is missing in the database');
  });

  it('reports a changed type, nullability and a missing index', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
    const edited = text
      .replace('  language            String        @default("en")', '  language            Int           @default(1)')
      .replace('  email               String?\n  language', '  email               String\n  language')
      .replace('  @@map("customer")', '  @@index([email])\n  @@map("customer")');
    const diffs = await schemaDifferences(await parseSchema(edited), t.pool);
    expect(diffs).toEqual(
      expect.arrayContaining([
        'Customer.language: type is text, schema says int4',
        'Customer.email: nullable in the database, schema says required',
        'Customer: normal index on (email) is missing in the database',
      ]),
    );
  });
});

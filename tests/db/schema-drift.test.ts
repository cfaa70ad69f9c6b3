import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { parseSchema, schemaDifferences } from '../support/schema-drift.ts';

describe('migrations match schema.prisma', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const schemaText = () => readFile(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');

  /** Differences while `alter` has changed the database, rolled back afterwards. */
  async function diffsWhileAltered(alter: string, schema?: string): Promise<string[]> {
    const client: pg.PoolClient = await t.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(alter);
      return await schemaDifferences(await parseSchema(schema), client);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('has every model, column, type, nullability, default, index, unique constraint, foreign key and enum the schema declares, and nothing else', async () => {
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

  it('reports a foreign key whose ON DELETE differs, one missing in the database and one the schema lacks', async () => {
    const text = await schemaText();
    const edited = text.replace(
      '  service   Service      @relation(fields: [serviceId], references: [id], onDelete: Cascade)\n\n  @@unique([serviceId, kind])',
      '  service   Service      @relation(fields: [serviceId], references: [id], onDelete: Restrict)\n\n  @@unique([serviceId, kind])',
    );
    expect(edited).not.toBe(text);
    expect(await schemaDifferences(await parseSchema(edited), t.pool)).toEqual([
      'foreign key service_requirement(service_id) -> service(id): ON DELETE is Cascade in the database, schema says Restrict',
    ]);

    const dropped = await diffsWhileAltered('ALTER TABLE "service_eligibility" DROP CONSTRAINT "service_eligibility_resource_id_fkey"');
    expect(dropped).toEqual(['foreign key service_eligibility(resource_id) -> resource(id) is missing in the database']);

    const added = await diffsWhileAltered('ALTER TABLE "customer" ADD CONSTRAINT "stray_fkey" FOREIGN KEY ("id") REFERENCES "customer"("id")');
    expect(added).toEqual(['foreign key customer(id) -> customer(id) exists in the database but not in schema.prisma']);
  });

  it('reports a default that differs, one missing in the database and one the schema lacks', async () => {
    const text = await schemaText();
    const edited = text.replace('  language            String        @default("en")', '  language            String        @default("fr")');
    expect(edited).not.toBe(text);
    expect(await schemaDifferences(await parseSchema(edited), t.pool)).toEqual(['Customer.language: default \'en\'::text in the database, schema says "fr"']);

    const dropped = await diffsWhileAltered('ALTER TABLE "customer" ALTER COLUMN "language" DROP DEFAULT');
    expect(dropped).toEqual(['Customer.language: no default in the database, schema says "en"']);

    const added = await diffsWhileAltered(`ALTER TABLE "customer" ALTER COLUMN "email" SET DEFAULT 'nobody@example.com'`);
    expect(added).toEqual(["Customer.email: default 'nobody@example.com'::text in the database, schema has none"]);
  });

  it('reports a unique constraint missing in the database and one the schema lacks', async () => {
    const text = await schemaText();
    const edited = text.replace('  email               String?\n', '  email               String?       @unique\n');
    expect(edited).not.toBe(text);
    expect(await schemaDifferences(await parseSchema(edited), t.pool)).toEqual(['Customer: unique index on (email) is missing in the database']);

    const dropped = await diffsWhileAltered('DROP INDEX "customer_phone_key"');
    expect(dropped).toEqual(['Customer: unique index on (phone) is missing in the database']);

    const added = await diffsWhileAltered('ALTER TABLE "customer" ADD CONSTRAINT "customer_email_key" UNIQUE ("email")');
    expect(added).toEqual(['customer: index customer_email_key on (email) is not in schema.prisma']);
  });
});

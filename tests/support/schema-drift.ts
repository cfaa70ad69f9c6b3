import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type pg from 'pg';

// Compares Prisma's own parse of schema.prisma (the DMMF from Prisma's schema wasm,
// the same parser `prisma generate` uses) with what the migrated database reports in
// information_schema and pg_catalog. Each difference comes back as one sentence.

const require = createRequire(import.meta.url);
const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: Array<{ name: string }>;
}
export interface Datamodel {
  enums: Array<{ name: string; values: Array<{ name: string }> }>;
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

export async function parseSchema(schemaText?: string): Promise<Datamodel> {
  const text = schemaText ?? (await readFile(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8'));
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', text]] })));
  return dmmf.datamodel as Datamodel;
}

/** The udt_name information_schema reports for a Prisma field. */
function expectedUdt(f: DmmfField): string {
  const base =
    f.kind === 'enum'
      ? f.type
      : f.nativeType?.[0] === 'Uuid'
        ? 'uuid'
        : f.nativeType?.[0] === 'Timestamptz'
          ? 'timestamptz'
          : ({ String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', Json: 'jsonb', DateTime: 'timestamp', Float: 'float8' } as Record<string, string>)[f.type];
  if (!base) throw new Error(`schema-drift: no mapping for ${f.type}`);
  return f.isList ? `_${base}` : base;
}

// Indexes the migration adds on purpose that schema.prisma cannot express.
const SQL_ONLY_INDEXES = new Set(['reservation_no_overlap']);

export async function schemaDifferences(dm: Datamodel, client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const diffs: string[] = [];
  const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await client.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE t.relname <> '_prisma_migrations'
     GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
     GROUP BY t.typname`,
  );

  const dbColumns = new Map(columns.rows.map((c) => [`${c.table_name}.${c.column_name}`, c]));
  const modelTables = new Set<string>();
  for (const model of dm.models) {
    const table = model.dbName ?? model.name;
    modelTables.add(table);
    const scalarColumns = new Set<string>();
    for (const f of model.fields.filter((x) => x.kind !== 'object')) {
      const column = f.dbName ?? f.name;
      scalarColumns.add(column);
      const c = dbColumns.get(`${table}.${column}`);
      if (!c) {
        diffs.push(`${model.name}.${f.name}: column ${table}.${column} is missing in the database`);
        continue;
      }
      if (c.udt_name !== expectedUdt(f)) diffs.push(`${model.name}.${f.name}: type is ${c.udt_name}, schema says ${expectedUdt(f)}`);
      const nullable = c.is_nullable === 'YES';
      // Prisma lists are never nullable in Postgres terms when they have a default; compare as declared.
      if (nullable === f.isRequired) diffs.push(`${model.name}.${f.name}: ${nullable ? 'nullable' : 'NOT NULL'} in the database, schema says ${f.isRequired ? 'required' : 'optional'}`);
    }
    for (const c of columns.rows.filter((r) => r.table_name === table)) {
      if (!scalarColumns.has(c.column_name)) diffs.push(`${table}.${c.column_name}: column exists in the database but not in schema.prisma`);
    }

    const fieldColumn = (name: string) => {
      const f = model.fields.find((x) => x.name === name);
      return f?.dbName ?? name;
    };
    const dbIndexes = indexes.rows.filter((i) => i.table_name === table && !SQL_ONLY_INDEXES.has(i.index_name));
    const expected = dm.indexes
      .filter((i) => i.model === model.name)
      .map((i) => ({ kind: i.type, unique: i.type !== 'normal', columns: i.fields.map((f) => fieldColumn(f.name)) }));
    for (const e of expected) {
      const found = dbIndexes.find(
        (d) => d.columns.join(',') === e.columns.join(',') && d.is_unique === e.unique && d.is_primary === (e.kind === 'id'),
      );
      if (!found) diffs.push(`${model.name}: ${e.kind} index on (${e.columns.join(', ')}) is missing in the database`);
    }
    for (const d of dbIndexes) {
      const known = expected.some((e) => d.columns.join(',') === e.columns.join(',') && d.is_unique === e.unique);
      if (!known) diffs.push(`${table}: index ${d.index_name} on (${d.columns.join(', ')}) is not in schema.prisma`);
    }
  }
  for (const table of new Set(columns.rows.map((c) => c.table_name))) {
    if (!modelTables.has(table)) diffs.push(`table ${table} exists in the database but no model maps to it`);
  }

  const dbEnums = new Map(enums.rows.map((e) => [e.name, e.labels]));
  for (const e of dm.enums) {
    const labels = dbEnums.get(e.name);
    const want = e.values.map((v) => v.name);
    if (!labels) diffs.push(`enum ${e.name} is missing in the database`);
    else if (labels.join(',') !== want.join(',')) diffs.push(`enum ${e.name}: database has [${labels.join(', ')}], schema says [${want.join(', ')}]`);
  }
  return diffs;
}

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
  hasDefaultValue?: boolean;
  /** A literal, an enum value's name, or a function such as { name: 'now', args: [] }. */
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
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
  diffs.push(...(await foreignKeyDifferences(dm, client)), ...(await defaultDifferences(dm, client)));
  return diffs;
}

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (m: DmmfModel, field: string) => m.fields.find((f) => f.name === field)?.dbName ?? field;

// pg_constraint.confdeltype / confupdtype codes, in Prisma's words.
const REFERENTIAL_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

interface ForeignKey {
  table: string;
  columns: string[];
  references: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

const describeKey = (k: ForeignKey) => `${k.table}(${k.columns.join(', ')}) -> ${k.references}(${k.refColumns.join(', ')})`;

/** The foreign keys schema.prisma implies, with Prisma's defaults for unstated actions. */
function expectedForeignKeys(dm: Datamodel): ForeignKey[] {
  const keys: ForeignKey[] = [];
  for (const model of dm.models) {
    for (const f of model.fields.filter((x) => x.kind === 'object' && x.relationFromFields?.length)) {
      const target = dm.models.find((m) => m.name === f.type)!;
      const from = f.relationFromFields!;
      // Prisma: a relation whose scalar fields are all required restricts deletes; an optional one sets null.
      const required = from.every((name) => model.fields.find((x) => x.name === name)?.isRequired);
      keys.push({
        table: tableOf(model),
        columns: from.map((name) => columnOf(model, name)),
        references: tableOf(target),
        refColumns: (f.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete: f.relationOnDelete ?? (required ? 'Restrict' : 'SetNull'),
        onUpdate: f.relationOnUpdate ?? 'Cascade',
      });
    }
  }
  return keys;
}

async function databaseForeignKeys(client: pg.ClientBase | pg.Pool): Promise<ForeignKey[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; references: string; ref_columns: string[]; del: string; upd: string }>(
    `SELECT t.relname AS table, r.relname AS references, c.confdeltype AS del, c.confupdtype AS upd,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
     WHERE c.contype = 'f'`,
  );
  return rows.map((r) => ({
    table: r.table,
    columns: r.columns,
    references: r.references,
    refColumns: r.ref_columns,
    onDelete: REFERENTIAL_ACTIONS[r.del]!,
    onUpdate: REFERENTIAL_ACTIONS[r.upd]!,
  }));
}

async function foreignKeyDifferences(dm: Datamodel, client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const diffs: string[] = [];
  const actual = await databaseForeignKeys(client);
  const expected = expectedForeignKeys(dm);
  for (const e of expected) {
    const found = actual.find((a) => describeKey(a) === describeKey(e));
    if (!found) diffs.push(`foreign key ${describeKey(e)} is missing in the database`);
    else {
      if (found.onDelete !== e.onDelete) diffs.push(`foreign key ${describeKey(e)}: ON DELETE is ${found.onDelete} in the database, schema says ${e.onDelete}`);
      if (found.onUpdate !== e.onUpdate) diffs.push(`foreign key ${describeKey(e)}: ON UPDATE is ${found.onUpdate} in the database, schema says ${e.onUpdate}`);
    }
  }
  for (const a of actual) {
    if (!expected.some((e) => describeKey(e) === describeKey(a))) diffs.push(`foreign key ${describeKey(a)} exists in the database but not in schema.prisma`);
  }
  return diffs;
}

/**
 * Compares column defaults. Literal defaults are compared by value: the database
 * evaluates its own default expression, so '{}'::jsonb and ARRAY[]::text[] need no
 * string parsing. Function defaults are compared by expression.
 */
async function defaultDifferences(dm: Datamodel, client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const diffs: string[] = [];
  const { rows } = await client.query<{ table_name: string; column_name: string; column_default: string | null; udt_name: string }>(
    `SELECT table_name, column_name, column_default, udt_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
  for (const model of dm.models) {
    for (const f of model.fields.filter((x) => x.kind !== 'object')) {
      const where = `${model.name}.${f.name}`;
      const column = columns.get(`${tableOf(model)}.${f.dbName ?? f.name}`);
      if (!column) continue; // a missing column is reported already
      const actual = column.column_default;
      const wanted = f.hasDefaultValue ? f.default : undefined;
      if (actual === null) {
        if (wanted !== undefined && !isClientSideDefault(wanted)) diffs.push(`${where}: no default in the database, schema says ${JSON.stringify(wanted)}`);
        continue;
      }
      if (wanted === undefined || isClientSideDefault(wanted)) {
        diffs.push(`${where}: default ${actual} in the database, schema has none`);
        continue;
      }
      const mismatch = await defaultMismatch(client, { actual, wanted, type: f.type, udt: column.udt_name });
      if (mismatch) diffs.push(`${where}: default ${actual} in the database, schema says ${JSON.stringify(wanted)}`);
    }
  }
  return diffs;
}

/** Defaults Prisma's client fills in, which therefore have no database default. */
function isClientSideDefault(d: unknown): boolean {
  return typeof d === 'object' && d !== null && !Array.isArray(d) && ['uuid', 'cuid', 'nanoid', 'ulid'].includes((d as { name: string }).name);
}

async function defaultMismatch(
  client: pg.ClientBase | pg.Pool,
  { actual, wanted, type, udt }: { actual: string; wanted: unknown; type: string; udt: string },
): Promise<boolean> {
  if (typeof wanted === 'object' && wanted !== null && !Array.isArray(wanted)) {
    const fn = wanted as { name: string; args: unknown[] };
    if (fn.name === 'now') return !['CURRENT_TIMESTAMP', 'now()'].includes(actual);
    if (fn.name === 'dbgenerated') return actual !== fn.args[0];
    return true;
  }
  // Cast to the column's type, as an insert would: a bare `0` is otherwise an int4.
  const { rows } = await client.query<{ v: unknown }>(`SELECT (${actual})::"${udt}" AS v`);
  const value = rows[0]!.v;
  // pg returns jsonb parsed and int8 as a string.
  const expected = type === 'Json' && typeof wanted === 'string' ? JSON.parse(wanted) : type === 'BigInt' ? String(wanted) : wanted;
  return JSON.stringify(value) !== JSON.stringify(expected);
}

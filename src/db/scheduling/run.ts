import type { Sql } from './sql.ts';

/** Runs a plan with its parameters (each a value or one JSON row). */
export function run<T = unknown>(sql: Sql, text: string, ...values: unknown[]): Promise<T[]> {
  return sql.query<T>({ text, values });
}

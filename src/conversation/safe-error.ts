/**
 * What of an error may be logged: its kind and codes, never its message, which can quote
 * the data being written (customer text, phone numbers).
 */
export function safeErr(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; code?: unknown; status?: unknown; stack?: string };
  const frame = e?.stack?.split('\n').find((l) => l.includes('/src/'))?.trim();
  return { type: e?.name ?? typeof err, code: e?.code, status: e?.status, at: frame };
}

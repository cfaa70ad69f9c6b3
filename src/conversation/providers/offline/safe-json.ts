/** A tool call's arguments or result as an object; anything else (bad JSON, a bare value) as {}. */
export function safeJson(s: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

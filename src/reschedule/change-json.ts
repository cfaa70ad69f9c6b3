import type { ResourceChange } from '../engine/impact.ts';

// A flow keeps the change that started it, as JSON (instants as ISO text).

export function changeToJson(change: ResourceChange): Record<string, unknown> {
  if (change.kind === 'time_off') return { kind: change.kind, start: change.start.toISOString(), end: change.end.toISOString() };
  return { ...change };
}

import type { Display } from '../outcome.ts';

/** What committing a proposal did. */
export interface Committed {
  /** What the transcript records of the commit. */
  result: Record<string, unknown> & { ok: boolean };
  display: Display;
  /** Where the committed appointment is, for the reply's time zone. */
  locationId?: string;
}

// "how long is the consult? if its quick i'll keep it", "i'd keep it if it's under an hour": a keep
// only supposed, waiting on the answer to a question, is no decision yet. The question is what the
// message asks; the booking (or the cancel waiting for a yes) stays as it was until the customer says.

const SUPPOSED_KEEP = new RegExp(String.raw`\bif\b[^.?!,]*,? ?(then )?(i'?ll|ill|i will|i'?d|id|i would|we'?ll|maybe i'?ll) (just |probably )?keep\b|\b(i'?ll|ill|i'?d|i would|i will|we'?ll) (just |probably )?keep (it|my|the|that|this)( \w+)? if\b`);

/** The keep in this message waits on a condition ("if its quick i'll keep it"). */
export function keepsOnlyIf(s: string): boolean {
  return SUPPOSED_KEEP.test(s);
}

/** A supposed keep said as its own sentence after a question is dropped, so the question is read alone. */
export function withoutKeepSupposed(text: string): string {
  if (!text.includes('?')) return text;
  const m = /\?\s*([^?]*)$/.exec(text);
  const after = m?.[1]?.trim();
  if (!m || !after || !keepsOnlyIf(after.toLowerCase())) return text;
  return text.slice(0, m.index + 1);
}

// "can me and my son both get cuts at 3 on the 23rd? keep my xmas eve one too": a booking
// kept "too" is said beside a request, only so that nothing is changed in its place. The
// keep asks nothing; the request is what the message asks.

// "keep my xmas eve one too", "and keep the friday appt as well", "still keep my color also";
// "keep my thursday cut as is", "leave the friday one where it is": kept unchanged, said so.
// "(keep my one on the 22nd too)", "(still keeping the friday one)": in brackets, an aside whether or not it says "too".
const KEPT_TOO = /(?:^|\s*[,.;!?-]+\s*|\s(?:and|but|pls|please)\s)(?:(?:and|but|pls|please|still|also) )*(?:keep|leave) (?:my|the|our) [^,.;!?()]*?\b(?:too|as well|also|as is|as it is|where it is|the same|unchanged|alone)\b[,.;!?\s]*|\s*\(\s*(?:(?:and|but|pls|please|still|also|i'?ll|i will|i'?m|im) )*keep(?:ing)? (?:my|the|our) [^()]*\)\s*/;

/** The message without a booking kept "too", when a request is left beside it; else undefined. */
export function withoutKeptToo(raw: string): string | undefined {
  const m = KEPT_TOO.exec(raw);
  if (!m) return undefined;
  const rest = `${raw.slice(0, m.index)} ${raw.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return rest.length > 0 ? rest : undefined;
}

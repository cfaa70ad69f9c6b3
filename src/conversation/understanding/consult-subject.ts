// A consultation asked about another service: "do u do consults? i want one before i commit to
// coloring", "a consultation about highlights", "consult for a possible color". The other
// service is what the talk is about, so the consultation is the booking, whichever name the
// catalog's scoring would prefer (a longer word, "coloring", outscores "consult").
import type { ServiceCatalogEntry } from './types.ts';

const CONSULT_WORD = /\bconsult(?:ation)?s?\b/;
// Words that make what follows the subject of the consultation ("before i commit to", "about", "to discuss").
const SUBJECT_LINK = /\b(?:about|regarding|re|for|before|discuss|discussing|talk about|talk through|go over|over)\b/;

/** The consultation the text books when the other service it names is the consultation's subject; undefined otherwise. */
export function consultAbout(raw: string, matchServices: (text: string) => ServiceCatalogEntry[]): ServiceCatalogEntry | undefined {
  const word = CONSULT_WORD.exec(raw);
  if (!word) return undefined;
  const consult = matchServices(word[0]);
  if (consult.length !== 1) return undefined;
  const tail = raw.slice(word.index + word[0].length);
  const link = SUBJECT_LINK.exec(tail);
  if (!link) return undefined;
  // The subject follows the link closely ("before i commit to coloring": five words at most).
  const subject = tail.slice(link.index + link[0].length).trim().split(/\s+/).slice(0, 6).join(' ');
  const other = matchServices(subject);
  return other.length === 1 && other[0] !== consult[0] ? consult[0] : undefined;
}

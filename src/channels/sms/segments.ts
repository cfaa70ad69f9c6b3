// SMS segment arithmetic. Carriers bill per segment, so a reply is measured the
// way the network splits it: GSM-7 (160 septets alone, 153 per part when
// concatenated; extension characters take two septets and are never split) or,
// as soon as one character is outside GSM-7, UCS-2 (70 UTF-16 units alone, 67
// per part; a surrogate pair is never split across parts).

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentInfo {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

export function countSegments(text: string): SegmentInfo {
  if (text.length === 0) return { encoding: 'GSM-7', units: 0, segments: 0 };
  const gsm = isGsm7(text);
  // Each character's cost in units; code points keep surrogate pairs whole.
  const costs = [...text].map((ch) => (gsm ? (extended.has(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const c of costs) {
    if (used + c > part) {
      segments++;
      used = 0;
    }
    used += c;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments };
}

// Typographic characters models and templates like to produce; each alone would
// switch a whole reply to UCS-2 and more than double its cost.
const TYPOGRAPHIC: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F]/g, ' '],
  [/\u2022/g, '-'],
];

export function normalizeForSms(text: string): string {
  let out = text;
  for (const [re, to] of TYPOGRAPHIC) out = out.replace(re, to);
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

/** "1) 9:00 AM" / "2. Tue 10:30" — one numbered option of a list. */
const OPTION_LINE = /^\s*\d{1,2}[.)]\s/;

/**
 * Makes a text fit in `maxSegments`: normalizes typography, then drops whole
 * numbered options from the end of the list (always keeping the first), then
 * whole trailing lines, and only as a last resort cuts at a word boundary.
 */
export function fitToSegments(text: string, maxSegments = 3): string {
  let out = normalizeForSms(text);
  const fits = (t: string) => countSegments(t).segments <= maxSegments;
  if (fits(out)) return out;

  const lines = out.split('\n');
  const optionIdx = lines.map((l, i) => (OPTION_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
  while (optionIdx.length > 1 && !fits(lines.join('\n'))) {
    lines.splice(optionIdx.pop()!, 1);
  }
  out = lines.join('\n');
  if (fits(out)) return out;

  // Whole lines from the end, keeping at least the first.
  while (lines.length > 1 && !fits(lines.join('\n'))) lines.pop();
  out = lines.join('\n');
  if (fits(out)) return out;

  const words = out.split(/(\s+)/);
  while (words.length > 1 && !fits(words.join('').trimEnd() + '...')) words.pop();
  out = words.join('').trimEnd() + '...';
  // A single enormous word: cut by code points.
  const chars = [...out];
  while (chars.length > 3 && !fits(chars.join(''))) chars.splice(chars.length - 4, 1);
  return chars.join('');
}

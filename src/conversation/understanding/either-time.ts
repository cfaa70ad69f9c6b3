// "wed at 10 or 10:30", "2pm or 3pm", "noon or 1": two clock times offered as alternatives. The
// time read is only the first of them, so no one time was asked: the list of openings shows
// both, and the customer picks. (A number that is no time, "1 or 2 of us", only keeps the list.)

const CLOCK = String.raw`(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midday)`;
const EITHER = new RegExp(String.raw`(?:^|[^\w:.])${CLOCK}\s*(?:or maybe|or else|or)\s*(?:at\s+)?${CLOCK}(?![\w:])`, 'i');

/** The text offers two clock times as alternatives. */
export function saysEitherTime(text: string): boolean {
  return EITHER.test(text);
}

// "cancel my 12th and my 19th", "can my 9th move to the 10th", "our 3rd is off": a booking named
// by its day of the month alone, after "my". The ordinal is that day, said as "the 12th" so the
// day readers take it. An ordinal that counts something ("my 2nd time", "my 3rd visit", "my 1st
// choice", "my 5th kid") is no day and stays as it is.
import { normalize } from './text.ts';

// Nouns an ordinal counts: after one, "my 2nd" is a place in a row, not a date.
const COUNTED = String.raw`(?:one|ones|time|times|visit|visits|choice|option|pick|try|attempt|round|go|kid|child|son|daughter|baby|grade|birthday|bday|anniversary|year|week|month|day|cut|color|colour|haircut|appointment|appt|booking|session|stylist|place|floor|street|st|ave|of)`;
const MY_DAY = new RegExp(String.raw`\b(?:my|our) (?=(?:[12]?\d|3[01])(?:st|nd|rd|th)\b(?!'s| ${COUNTED}\b))`, 'g');

/** The text with "my 12th" said as "the 12th"; unchanged when no ordinal after "my" is a day. */
export function withBookingByDay(text: string): string {
  if (typeof text !== 'string') return text;
  const s = normalize(text);
  return MY_DAY.test(s) ? s.replace(MY_DAY, 'the ') : text;
}

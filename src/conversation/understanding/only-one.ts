// "wait no, just the haircut. keep the color", "hold on, only the color on the 14th": said to a
// summary that cancels several bookings, the customer narrows it to the one named. The clause
// that says what stays is no request, so only the words of the booking meant are left; the
// provider reads them as the cancel of that one booking (only while several are on the table).
import { normalize } from './text.ts';
import { withoutKept } from './which-booking.ts';

// Openers before the narrowing ("wait no,", "hold on,", "actually"): they take nothing back here.
const OPENERS = String.raw`(?:(?:wait|hold on|hang on|no|nope|nah|actually|sorry|oh|oops|hmm+|um+|ok|okay|oh wait|no wait)\b[ ,.!-]*)*`;
// "just the haircut", "only my color", "just cancel the color", "cancel only the 14th one".
const ONLY_ONE = new RegExp(String.raw`^${OPENERS}((?:just|only) (?:cancel |do |want to cancel |wanna cancel |need to cancel )?(?:the|my) |cancel (?:just|only) (?:the|my) )`);

/** The words of the one booking meant when the message narrows a summary to it; else undefined. */
export function onlyOneMeant(raw: string): string | undefined {
  const s = normalize(raw);
  const m = ONLY_ONE.exec(s);
  if (!m) return undefined;
  // Read without the "just": "the haircut" names the booking, "just ..." would read as this again.
  // "only cancel the color" stays a cancel.
  const verb = /\bcancel\b/.test(m[0]) ? 'cancel ' : '';
  const rest = withoutKept(`${verb}the ${s.slice(m.index + m[0].length)}`);
  // "just the haircut please": what is left names the booking; with nothing left there is nothing to narrow to.
  return /[a-z0-9]/.test(rest.replace(/^(cancel )?the\b/, '')) ? rest.replace(/\s+/g, ' ').trim() : undefined;
}

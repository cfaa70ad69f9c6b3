// "noo i hit yes by accident, can u put it back", "undo that pls", "can you uncancel it": a
// cancel just done, taken back. It is said as a rebooking of what was canceled, so the rules
// read it like "can i rebook it" and the provider books the canceled service again, at the
// day and time said (providers/offline/after-cancel.ts, only right after a cancel).
import { normalize } from './text.ts';

// "put it back", "put my color back", "undo that", "uncancel it", "bring it back", "restore my appt";
// not "put it back an hour" or "put it back to 3", which move a booking.
const PUT_BACK =
  /\b(?:put (?:it|that|me|(?<put>my \w+)) back(?: in| on)?|undo (?:it|that|this|the cancel(?:lation)?)|un-?cancel(?: it| that| (?<uncancel>my \w+))?|bring (?:it|that|(?<brought>my \w+)) back|(?:restore|reinstate) (?:it|that|(?<restored>my \w+)))\b(?! (?:an?|one|two|three|half|\d+) ?(?:hours?|hrs?|h|min(?:ute)?s?|m|days?|weeks?)\b| (?:to|by|a bit|a little|later|earlier)\b)/;
// "i hit yes by accident", "didn't mean to cancel": why it is taken back, which asks nothing of its own.
const BY_MISTAKE = /\b(?:i )?(?:hit|pressed|typed|said|sent) (?:yes|y)\b|\b(?:i )?(?:didn'?t|did not|never) mean(?:t)? to (?:cancel|say yes|hit yes|do that)(?: it| that)?\b|\bby (?:accident|mistake)\b/g;

/** "i didn't mean to do that", "hit yes by mistake": the cancel just done was not wanted, whatever is asked next. */
export function regretsCancel(text: string): boolean {
  return new RegExp(BY_MISTAKE.source).test(normalize(text));
}

/** Whether the words take back a cancel ("put it back", "undo that"). */
export function undoesCancel(text: string): boolean {
  return PUT_BACK.test(normalize(text));
}

/** The text with a cancel taken back said as a rebooking ("rebook my color") and the reason left out; unchanged when it takes back none. */
export function undoneCancelAsRebook(text: string): string {
  const s = normalize(text);
  const m = PUT_BACK.exec(s);
  if (!m) return text;
  const g = m.groups ?? {};
  const booking = g.put ?? g.uncancel ?? g.brought ?? g.restored ?? 'it';
  const said = `${s.slice(0, m.index)}rebook ${booking}${s.slice(m.index + m[0].length)}`;
  return said.replace(BY_MISTAKE, ' ').replace(/\s+/g, ' ').trim();
}

// A customer who already has a booking often writes only to check it or to say they are
// coming: "confirm" to a reminder, "still on for tmrw?", "see you thursday!", "it's at 10
// right?", "what time was it again", "what's booked under this number". Each is answered
// with the booking's day and time, and nothing is changed. Read on the simplified text.
import { answersOnScreen } from './types.ts';

const DAY = String.raw`(today|tonight|tomorrow|tmrw|tmr|tmrow|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|next|the \d)`;

/** "confirm", "confirming!", "i'll be there", "see you thursday", "thanks for the reminder": the customer says they are coming. */
const ATTENDING = new RegExp(
  [
    String.raw`^(yes |yep |ok |okay )?(confirm|confirmed|confirming|i confirm)( (it|that|my (appt|appointment|booking)))?( please| pls| thanks| thank you)?$`,
    // "since i'll be there anyway, add a color", "as we'll be there": said as why another request suits, no check.
    String.raw`(?<!\b(?:since|as|because|cuz|cause|coz|bc|seeing as|if|while) )\b(i'?ll|i will|we'?ll|we will|ill) (still )?be there\b(?! anyways?\b)`,
    String.raw`\bsee (you|u|ya|y'?all) (then|there|soon|${DAY})\b`,
    String.raw`\bthanks? (you )?(so much )?for the reminder\b`,
  ].join('|'),
);

/** "still on for tmrw?", "are we still good for friday", "it's at 10 right?", "was it tuesday?": a check of what is booked. */
const CHECKS = new RegExp(
  [
    // "still on for 2 tmrw right?": the time said before the day.
    String.raw`(^|\b(we|i|it|we'?re|i'?m|im|are we|am i|r we|is it|is that) )still (on|good|set|happening|booked)( for)?( (at )?\d{1,2}(:\d{2})?( ?[ap]m)?)? ${DAY}`,
    // "still on?", "we still good?", "is it still on for today": the booking the reminder was about, no day said.
    String.raw`^((hi|hey|so|ok|and) )?((we|i|it|we'?re|i'?m|im|are we|am i|r we|is it|is that|its|it'?s|is my appt|is my appointment) )?still (on|good|set|happening|booked)( for (it|that|then|today|later))?( right)?$`,
    // "is it still thurs at 2?", "is that still the 10th": the day (and time) asked back as still the booking's.
    String.raw`\b(is|was) (it|that|mine|my (appt|appointment|booking|[a-z]+)) still (on |for |at )?${DAY}`,
    // "just checking my color is still on for monday": the booking named first, then "still on".
    String.raw`\b(my|our)( [a-z]+){1,2}('s| is| are| s) still (on|good|set|happening|booked|confirmed)\b`,
    // The tag questions: "it's at 10 right", "its tuesday yeah?", "that's thursday correct?"
    String.raw`\b(it'?s|its|it is|that'?s|thats|it was|we'?re|i'?m|im)( still)?( at| on| for)? [a-z0-9: ]{1,25} (right|correct|yeah|yea|yes|isn'?t it|wasn'?t it)$`,
    String.raw`\bwhat (time|day|date) (was|is) it( at)? again\b`,
    // "was i supposed to be there right now??", "did i miss my appt": a worry the booking is now, or gone by.
    String.raw`\b(was|am|were|are|r) (i|we) (supposed|meant|due|booked|scheduled) to (be|come|show)( up| in)?( there| here| today| now| right now| at \d)?\b`,
    String.raw`\bdid (i|we) (just )?(miss|forget|skip) (my|our) (appt|appointment|booking|[a-z]+ (appt|appointment))\b`,
    String.raw`\b(what|wat|wht) (time|day|date)( and| n)? ?(time|day|date)? (is|was|'?s) (my|our)\b`,
    String.raw`\bwhat('?s| is| do (i|we) have) (booked|scheduled|reserved|on file) (under|for|on|with) (this|my|our) (number|phone|name|account)\b`,
    String.raw`\b(anything|something|an? (appointment|appt|booking)) (booked|scheduled|on file) (under|for|on) (this|my) (number|phone|name)\b`,
  ].join('|'),
);

/**
 * The message checks or acknowledges a booking the customer has. With an offer list, a
 * summary or an intake question on screen, its words are about that instead.
 */
export function checksBooking(s: string, expecting: string | null): boolean {
  if (answersOnScreen(expecting)) return false;
  return ATTENDING.test(s) || CHECKS.test(s);
}

// "oh wait", "actually": where a message takes back what it just said.
const TAKES_BACK = /^(?<said>.+?)[ ,.!;-]+(?=(?:oh wait|wait|actually|hold on|on second thought)\b)/;

/**
 * "ok see you thursday! oh wait can i make it 2 instead of 1:30?": an acknowledgment of the
 * booking, then taken back; what follows (opener included) is the message. Undefined when the
 * words before the opener do more than acknowledge or check the booking.
 */
export function afterAcknowledgment(raw: string, expecting: string | null): string | undefined {
  const m = TAKES_BACK.exec(raw);
  if (!m) return undefined;
  const said = m.groups!.said!.replace(/[^a-z0-9': ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return checksBooking(said, expecting) ? raw.slice(m[0].length) : undefined;
}

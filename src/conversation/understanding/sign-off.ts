// "great thanks see you then!", "thx see u then", "ok cool c u soon": the customer ends the
// conversation. Nothing is asked, so nothing is listed or looked up: the reply only says
// goodbye. "confirmed, see you then" and "see you thursday" still check the booking
// (checks-booking.ts): they confirm it or name its day. Read on the simplified text.
import { answersOnScreen } from './types.ts';

// Words said before (or after) a goodbye that add nothing to it.
const PLEASANTRY = String.raw`(ok|okay|k|kk|ok cool|great|perfect|cool|awesome|amazing|lovely|wonderful|nice|sweet|excellent|fab|fantastic|sounds good|sounds great|got it|gotcha|alright|alrighty|all good|phew|yay|ah|oh|thanks|thank you|thank u|thanks so much|thank you so much|thx|ty|tysm|thnx|thanx|cheers|appreciate it|much appreciated)`;

const SIGN_OFF = new RegExp(String.raw`^(${PLEASANTRY} )*(see|c) (you|u|ya|y'?all) (then|there|soon|later|in a bit)( ${PLEASANTRY})*$`);

/** The whole message says goodbye (with thanks or an ok), and asks or confirms nothing. */
export function signsOff(s: string, expecting: string | null): boolean {
  if (answersOnScreen(expecting)) return false;
  return SIGN_OFF.test(s);
}

// "my cousins wedding is on the 12th, can i get a haircut the day before at 5pm?", "flying out
// dec 20 so a cut 2 days before": the day asked is counted from another date the customer
// names, an event of theirs, not a booking. The date is said first and the count after it with
// nothing dated behind it, so it is said again behind the count ("the day before the 12th at
// 5pm"), which the date reader counts (when.ts) before any other date of the text.
// Not when a booking is named or moved: "for my sat the 12th appt, can i do the day before
// instead?" counts from the booking, and the move reads it so (moves.ts).

import { MONTH } from './shorthand.ts';

const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?`;
// "on the 12th", "dec 12", "on friday the 12th", "saturday": the event's date.
const DATE = new RegExp(
  String.raw`\b(?:on |is |for )?(?:(?:this |next )?${WEEKDAY},? )?(?:(?:the )?(?:[12]?\d|3[01])(?:st|nd|rd|th)\b|${MONTH} (?:the )?(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b)|\b(?:on |is )?(?:this |next )?${WEEKDAY}\b`,
  'gi',
);
// "the day before", "2 days after", "the night before": a count with nothing dated after it.
const COUNT = new RegExp(String.raw`\b(?:the|a|one|two|three|2|3) (?:days?|night) (?:before|after)\b(?! (?:the )?\d| ${MONTH}\b| ${WEEKDAY}\b| (?:my|your|our|his|her|it|that|then|this)\b)`, 'i');
// A clock time right after the date: "on the 8th at 2", "dec 12, 3pm".
const TIME_NEXT = /^,? (?:at |@ ?|around )?\d{1,2}(?::\d{2})?(?: ?[ap]m)?\b/i;
// A booking named or changed: the count is from it, never from a date said beside it.
const ABOUT_BOOKING = /\b(?:appt|appointment|booking|reservation|session|instead|move|moving|reschedule|push|bump|switch|change|booked|already)\b/i;

/** The text with the event's date said after the count that is reckoned from it; the text as is otherwise. */
export function withDayCounted(text: string): string {
  if (typeof text !== 'string' || ABOUT_BOOKING.test(text)) return text;
  const count = COUNT.exec(text);
  if (!count) return text;
  const dates = [...text.slice(0, count.index).matchAll(DATE)];
  // One date said before the count: with two ("fri or the 12th"), which one is unclear.
  if (dates.length !== 1) return text;
  const date = dates[0]!;
  // "a trim on the 8th at 2 and a colour the day after at 10": a date with its time is a booking's, asked first (two-requests.ts).
  if (TIME_NEXT.test(text.slice(date.index + date[0].length))) return text;
  const said = date[0].replace(/^(?:on|is|for) /i, '');
  const end = count.index + count[0].length;
  return `${text.slice(0, end)} ${said}${text.slice(end)}`.replace(/\s+/g, ' ').trim();
}

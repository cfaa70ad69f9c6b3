// "what about 3:30 that day", "same day at 2?", "can i do 11 on that day then": a time said for
// the day being talked about, which is the day the customer asked for, even when the offers on
// screen are the nearest ones on another day (nothing was free then). Not "that day works" said
// of a day just named, nor "the same day as my color", which names another booking's day.
const THAT_DAY = /\b(?:on )?(?:that|the same|that same|same) day\b(?! as\b| of\b)/;

/** The message places its time on the day already being talked about. */
export function saysThatDay(normalized: string): boolean {
  return THAT_DAY.test(normalized);
}

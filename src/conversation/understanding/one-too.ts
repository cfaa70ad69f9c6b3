// "oh and my son needs one too, 11:30 same day?", "can my daughter get one as well at 3", "book
// one for my wife too": "one" is another of the booking just talked about, for someone else.
// Its service is that booking's (the same thing again), never a service to ask for.

// "one too", "another one", "one for him": the booking again; "one of the ..." picks from a list.
const ONE_MORE = /\b(?:one|another(?: one)?) (?:too|as well|also|for (?:him|her|them|(?:my|our) [\w']+))\b|\b(?:needs?|wants?|get|book|grab|have) (?:(?:him|her|them|in) )?(?:one|another one)\b(?! of\b)/;

/** The text asks for the booking just talked about again, its "one" naming no service of its own. */
export function asksOneMore(s: string): boolean {
  return ONE_MORE.test(s);
}

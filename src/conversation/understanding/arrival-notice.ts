// "pls tell dana im 5 min out!! parking now", "omw!", "almost there, be there in 5": the customer
// says they are arriving for the booking they have, on time. Nothing is asked: no time is meant
// ("5 min out" is no booking in five minutes) and "tell dana" passes on a remark the booking
// already covers, so no person is needed. Said with lateness ("tell my stylist i'll be 10
// late") the stylist has to know, and that stays a request for a person; so does anything asked.

// On the way or arriving: "omw", "on my way", "5 min out", "10 mins away", "almost there", "parking now", "pulling in".
const ARRIVING = String.raw`(?:omw|otw|on (?:my|our|the) way(?: over| there| in)?|(?:like |about |abt |~)?\d{1,2} ?(?:min|mins|minutes?|m) (?:out|away)|(?:almost|nearly|just about) (?:there|here)|(?:be|b) there (?:in (?:like |about )?\d{1,2} ?(?:min|mins|minutes?)?|soon|shortly|in a (?:sec|min|minute|few))|(?:just )?(?:parking|pulling (?:in|up)|walking (?:in|over|up))(?: now| rn)?|(?:i'?m|im|i am|we'?re|we are) (?:here|outside|downstairs)(?: now| rn)?|(?:just )?(?:arrived|got here|parked))`;
// Who is told: "tell dana", "let my stylist know", "can u tell her that".
const RELAY = String.raw`(?:(?:pls|please|plz|can (?:you|u)|could (?:you|u)|would (?:you|u)|ok|hi|hey)\s+)*(?:tell|let|inform|text|message) (?:my stylist|the stylist|her|him|them|(?!me\b|us\b)[a-z]+)(?: know)?(?: that)?`;
const SUBJECT = String.raw`(?:i'?m|im|i am|we'?re|were|we are|i|we)?`;
// One clause: a relay or none, then the arrival, then thanks or a "see you" at most.
const CLAUSE = new RegExp(String.raw`^(?:${RELAY}\s+)?${SUBJECT}\s*${ARRIVING}(?:\s+(?:now|rn|sorry|thanks|thx|ty|see (?:you|u|ya)(?: soon)?))*$`);
const FILLER = /^(?:ok|okay|hi|hey|thanks|thx|ty|see (?:you|u|ya)(?: soon| in a bit)?|sorry|yay|lol)?$/;
// Lateness makes it news for the stylist; a question asks something.
const LATE = /\b(?:late|behind|delay(?:ed)?|running|stuck|traffic|later)\b|\?/;

/** Whether the whole message only says the customer is arriving, told to the stylist or not. */
export function onlyArrivalNotice(raw: string): boolean {
  if (typeof raw !== 'string') return false;
  const lower = raw.toLowerCase().replace(/\u2019/g, "'");
  if (LATE.test(lower)) return false;
  const clauses = clausesOf(lower);
  return clauses.some((c) => CLAUSE.test(c)) && clauses.every((c) => CLAUSE.test(c) || FILLER.test(c));
}

/** A lowercased text's clauses, split at stops and dashes, emoji and other signs dropped ("omw!! 🚗 - 5 min out"). */
export function clausesOf(lower: string): string[] {
  return lower
    .replace(/[^a-z0-9'~:\s.!,;-]/g, ' ')
    .split(/[.!,;]+|\s-+\s/)
    .map((c) => c.replace(/\s+/g, ' ').trim());
}

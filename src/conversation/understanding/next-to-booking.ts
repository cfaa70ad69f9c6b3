// A new booking placed by one the customer already has: "a consultation right after my
// haircut thursday", "book me a consult an hour before my thursday appt", "i have a cut
// saturday at 11, can i also do a consultation at 12 that day". The booking named is the
// reference, never the thing changed: these are new bookings, not moves. The reader says
// where the new one goes relative to it and splits off the words naming it, so the new
// booking's service and time are read from the rest alone ("a cut right after my color"
// books a cut, not a color).
import { RELATIVES } from './relatives.ts';
import { MONTH } from './shorthand.ts';

export interface NextToBooking {
  /**
   * 'end': from the booking's end ("right after"); 'start': from its start ("an hour before"); 'day': on its day ("that day");
   * 'same': at its very time ("at the same time as my color"), on its day or on the day said ("but on jan 13")
   */
  edge: 'start' | 'end' | 'day' | 'same';
  /** Whole days from the booking's day: "4 weeks after my cut" = 28, "a week before it" = -7. */
  days?: number;
  /**
   * "the monday before my cut" (-1), "the friday after my color" (5): the nearest such weekday
   * (1 = Monday) after the booking's day, or before it when negative. The day is the booking's
   * to reckon, whatever date the weekday alone would name.
   */
  weekday?: number;
  /** Minutes from that edge: "30 min after" = 30, "an hour before" = -60. At 'start', 0 ("before my cut") means ending by it. */
  minutes: number;
  /** The words naming the booking ("my thursday appt", "a cut saturday at 11"): its service and day say which. */
  booking: string;
  /** The message without them: the new booking's own words. */
  rest: string;
  /**
   * "any time that morning before my cut", "whenever after my color": any time on that side of
   * the booking, that day, not the time right beside it.
   */
  loose?: boolean;
  /**
   * The booking named by its person rather than its service: 'self' ("right after me",
   * "before mine"), 'other' ("right after him", "before her"), the one just booked for them.
   */
  person?: 'self' | 'other';
}

const AMOUNT = String.raw`(?<amount>an?|one|two|three|half an?|\d{1,3})`;
const UNIT = String.raw`(?<unit>hours?|hrs?|h|minutes?|mins?|m)`;
const CLOSE = String.raw`(?:(?:right|just|straight|directly|immediately) )?`;
const DIRECTION = String.raw`(?<dir>after|following|before|ahead of|prior to)`;
// Who the booking is named by: "my haircut", "the cut" (a service must follow), the customer
// alone: "right after me", "before mine on friday" (a family member booked next to them), or
// someone else: "right after him", "before her cut" (the booking just made for them).
const OWNER = String.raw`(?:my|our|the|me|mine|us|ours|him|her|hers|them|his|their)\b`;
// "right after my haircut thursday", "an hour before my appt", "30 min after our color", "right after me".
const RELATIVE = new RegExp(String.raw`(?:\b${AMOUNT} ?${UNIT} )?${CLOSE}\b${DIRECTION} (?<booking>${OWNER}[^,.;!?]*)`);
// "a color right after at 9:30", "add my daughter just before": a close placement naming no
// booking, so it is next to the one just made (else the one there is).
// "a trim right after like 11:30": the rough time said with it too; "right after with the same
// lady", "just after with lee": who with, said next.
const BARE = new RegExp(String.raw`\b(?:right|just|straight|directly|immediately) ${DIRECTION}(?= at\b| with\b| (?:like |around |about |say |maybe )?\d|[,.;!?]| (?:on )?(?:the )?same day\b|$)`);
// "and his brother at 4 after that pls": "that" at the end of the request is the booking just made
// ("two weeks after that" counts days, read elsewhere).
const AFTER_THAT = new RegExp(String.raw`(?<!\b(?:weeks?|wks?|days?|hours?|hrs?|minutes?|mins?) )\b${CLOSE}${DIRECTION} that(?= (?:pls|plz|please|thanks|thx)\b|\s*[,.;!?]|\s*$)`);
// "can i add a trim right after it", "a color just before it so it ends at 2", "30 min after it's done":
// "it" is the booking just talked about (booked, moved or shown), wherever in the request it stands.
const AFTER_IT = new RegExp(
  String.raw`(?:\b${AMOUNT} ?${UNIT} )?${CLOSE}\b${DIRECTION} (?:it|that one|this one|(?:that|this) (?:appt|appointment|booking|visit))(?:(?:'s| is) (?:done|over|finished))?\b`,
);
// "a cut right when it ends", "once that's done", "a trim right afterwards": right after the booking just talked about.
const WHEN_IT_ENDS = /\b(?:right |just )?(?:when|as soon as|once) (?:it|that|that one)(?:'s| is)? (?:ends|done|over|finishes|finished|wraps up)\b|\b(?:right|just|straight|directly|immediately) afterwards?\b|\bafterwards?(?= (?:pls|plz|please|too|as well)\b|\s*[,.;!?]|\s*$)/;
// What may stand beside a placement that is the whole reply: "ok", "how about", "can we do ... then".
// "then the same day at 2 before my cut": the booking's own day, said again, asks nothing new either.
const ONLY_PLACEMENT = /^(?:(?:ok|okay|oh|hmm|ah|then|so|well|how about|what about|can (?:we|u|you) do|can (?:he|she|they) go|maybe|just|right|please|pls|instead|is fine|fine|works|that works|would work|is good|good|(?:on )?(?:the |that )?(?:same )?day)\b ?)*$/;
// "any time that morning before my cut", "whenever after my color", "sometime in the afternoon after it": said
// right before the placement, these ask for any time on that side of the booking, not the time beside it.
const LOOSE = /\b(?:any ?time|whenever|some ?time|anything|any (?:slot|opening)s?)\b(?: (?:that|in the|on the|this|the same|that same) (?:morning|afternoon|evening|day))?(?: (?:on )?(?:that|the same|that same) day)? $/;
// "the same day as my haircut", "on the day of my color"; "same day as me", "the same day as mine" (the customer's own);
// "the same day as them": the one just booked for someone else (a party's next person at a time of their own).
const SAME_DAY = /\b(?:on )?(?:the )?(?:same day as|day of) (?<booking>(?:(?:my|our) |(?:me|mine|us|ours|him|her|them)\b)[^,.;!?]*)/;
// "at 11", "around 2": a clock time said.
const CLOCK_SAID = /\s(?=(?:at|around|about|by) \d)/;
// "for a trim", "for some color": the service a request is for.
const SERVICE_WANTED = /\s(?=for (?:a|an|some)\b)/;
// "earlier in the day", "later that day": on the day already named.
const IN_THE_DAY = /\b(?:earlier|later) (?:in|on) (?:the|that) day\b/;
// "i have a cut saturday at 11, can i also ...": the booking said first, the request after it.
// "i'm in for color friday at 10, ...", "i have color on wed": the booking's service may come bare, with no article.
// "keep my friday one, but also book me another ...": a booking kept, then one placed by it.
// "since i'm already in for the consult on the 19th, could i ...": told as the reason for the request.
// "my daughter has a color on the 18th, can she ...", "he's got a cut at 2 so ...": a family member's booking told of the same way.
// "i have a cut on the 17th - could i ...": a dash between spaces ends the telling as a comma does.
const KIN_HAS = String.raw`(?:(?:my|our) (?:${RELATIVES})|she|he|they)(?: (?:has|have|got|has got|already has|already have)|'s got|s got| (?:is|are|'s|s) (?:already )?(?:booked|in|coming in) for)`;
const MENTION = new RegExp(
  String.raw`^(?:(?:hi|hey|hello|ok|okay|so|yeah|um|hmm|since|as|because|cause|cuz|seeing as|given)[ ,!.]+)*(?:i (?:have|got|already have|have got|am (?:already )?booked for|am (?:already )?in for|am (?:already )?coming in for)|i'?ve (?:already )?(?:got|booked)|i'?m (?:already )?(?:booked|in|coming in) for|${KIN_HAS}|(?:pls |please )?keep) (?<booking>(?<article>(?:a|an|my) )?[^,.;!?]+?)(?:[,.;!?]+ *| +[-–—]+ +| (?:and|but|so) )(?<rest>.+)$`,
);
// In the request after a mention: "right after it", "an hour before that", "sometime after the haircut" (the service mentioned).
// "..., i want a color that same day straight after": a close placement ending the request is by the booking mentioned too.
const RELATIVE_TO_IT = new RegExp(
  String.raw`(?:\b${AMOUNT} ?${UNIT} )?(?:sometime |some time )?${CLOSE}\b${DIRECTION}(?: (?:it|that|that one|this one|(?:the|my) (?<named>[a-z']+(?: [a-z']+)?))(?:(?:'s| is) (?:done|over|finished))?\b|(?<=(?:right|just|straight|directly|immediately) [a-z ]+)(?=\s*[,.;!?]*\s*$))`,
);
// "my cut is fri the 18th at 9 right? ...": the booking stated (or checked) first, the request after it.
// "my color on the 18th ends at 11:30 right? ...": stated by its end, the day in its words.
const STATED =
  /^(?:(?:hi|hey|hello|ok|okay|so|um|hmm)[ ,!.]+)*(?<booking>(?:my|our) [a-z]+(?: [a-z]+)?(?: on (?:the )?[a-z0-9]+)?) (?:is|ends|finishes|is done|wraps up)(?: at)? (?<when>[^,.;!?]+?)(?: right| correct| yeah| yes)?[,.;!?]+ *(?<rest>.+)$/;
// "right when my color ends", "as soon as my cut is done": after the booking.
// "a trim when i'm done with my color", "at the end of my color appt": after it too.
// "when my color's done", "once my cut's over": the "is" joined to the booking's word says the same.
const WHEN_ENDS =
  /\b(?:right |just )?(?:when|as soon as|once) (?<booking>(?:my|our|the) [^,.;!?]*?)(?: (?:ends|is done|is over|finishes|wraps up|'s done|is finished)|'s (?:done|over|finished|wrapped up))\b|\b(?:right |just )?(?:when|as soon as|once|after) (?:i'?m|im|i am|we'?re|we are) (?:done|finished|through) with (?<with>(?:my|our|the) [^,.;!?]*)|\b(?:at|to|on) the end of (?<end>(?:my|our|the) [^,.;!?]*)/;
// "finishing right when my 3pm cut starts", "so i'm done by the time my color begins", "ending as my cut starts":
// the new booking ends as the booking named starts. Only an end said of the new one places it so.
const ENDS_AS_STARTS =
  /\b(?:finish(?:es|ed|ing)?|end(?:s|ed|ing)?|done|over|wrap(?:s|ped|ping)? up|out)\b[^,.;!?]*?\b(?:when|as|by the time|by when|before|in time for) (?<booking>(?:my|our|the) [^,.;!?]*?) (?:starts|begins|kicks off|is due|'s due|starting|beginning)\b|\b(?:finish(?:es|ed|ing)?|end(?:s|ed|ing)?|done|over|wrap(?:s|ped|ping)? up)(?: right| just| exactly)? (?:at|by) the start of (?<start>(?:my|our|the) [^,.;!?]*)/;
// "that same day", "the same day": the mentioned booking's day, which the placement already says.
const SAME_DAY_WORDS = /\b(?:on )?(?:that|the same|that same) day\b/;
// "what time is my color on monday again, and can i add a trim right after it": a booking
// named by a question about it, then a request placed by "it".
const ASKED_ABOUT =
  /^(?:(?:hi|hey|hello|ok|okay|so|um|hmm)[ ,!.]+)*(?:what time|when|what day)(?:'s| is| was) (?<booking>(?:my|our) [^,.;!?]+?)(?: again)?(?:[,.;!?]+ *| (?:and|but|so) )(?:(?:and|also|but|so|oh) )*(?<rest>.+)$/;
// Where the words naming the booking stop: the next clause or a politeness; or the customer saying
// what they want ("after my consult on the 8th i'd like a color"), which starts the request.
const BOOKING_END = /\s(?:and|but|so|if|please|pls|plz|can|could|would|is|thanks|thx|too|also|as well|instead|(?:i|we)(?:'?d| would) (?:like|love)|id (?:like|love)|(?:i|we) (?:want|wanna|need))\b/;
const BOOKING_NOUN = /\b(appt|appts|appointment|booking|reservation|slot|visit|one)\b/;
// "my 9:30", "my 2pm": a booking named by its time. "my 11", "my 11 on friday": a bare hour too, when
// nothing but its day follows ("my 2 kids" names no booking).
const BY_TIME = new RegExp(
  String.raw`^(?:my|our) (?:\d{1,2}(?::\d{2}| ?(?:am|pm|o'?clock))|noon)\b|^(?:my|our) \d{1,2}(?:$| (?:on |this |next )?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|tmrw|tomorrow|today|the \d{1,2}(?:st|nd|rd|th)?)\b)`,
);
// "i've got sat at 2", "i have thursday the 10th at 3pm": a booking told of by its day and time alone.
const BY_DAY_AND_TIME =
  /^(?:on )?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?: the \d{1,2}(?:st|nd|rd|th)?)?|the \d{1,2}(?:st|nd|rd|th)|tmrw|tomorrow) (?:at |@ ?)?\d{1,2}(?::\d{2})? ?(?:am|pm)?(?: (?:w|w\/|with) [a-z]+)?$/;
// The customer named for their own booking: "after me", "before mine", "right after us".
const SELF = /^(me|mine|us|ours)\b/;
// Someone else named for theirs: "after him", "before her", "right after them" (alone: a pronoun names no booking noun).
const OTHER = /^(him|hers|them)\b|^her(?: (?:on|at|this|next|that|today|tomorrow|tmrw)\b|$)/;
// Someone else's booking by its words: "his cut", "her appt", "their color".
const OTHERS_BOOKING = /^(his|her|their)\b/;
// "the cut" names a booking only by its service; "my ..." may name it by a noun ("my appt").
const BY_SERVICE_ONLY = /^the\b/;
// The request itself names a new booking ("book", "add", "another"), when it names no service.
const NEW_BOOKING = /\b(book|add|another|also|new|second|extra|too|as well|squeeze|fit)\b/;
// Or names who it is for: "and his brother right after him", "my wife right after me".
const FOR_PERSON = new RegExp(String.raw`\b(?:${RELATIVES}|he|she)\b`);

// "at the same time as my color", "same day and time as my cut on the 8th", "the same time as mine".
const SAME_TIME_AS = new RegExp(
  String.raw`\b(?:(?:at |for |in )?(?:the )?(?:exact )?same (?:day and |day & )?(?:start(?:ing)? )?(?:time|hour|slot|time ?slot) as|while (?:i|im|i'm|i am) (?:get|getting|have|having|do|doing|at|in for)) (?<booking>${OWNER}[^,.;!?()]*)`,
);
// "... a trim after", "... one right afterwards", "... a cut before": a bare side of the booking, said last.
const BESIDE_AT_END = /\s(?:right |straight |just |directly )?(after|afterwards?|after that|after it|before|beforehand|before it)[?.!\s]*$/;
// "... but one week later", "two weeks after", "but the week after": the same time, whole days on.
const LATER = /\b(?:but )?(?<amount>an?|the|one|two|three|four|five|six|\d{1,2}) (?<unit>weeks?|wks?|days?) (?:later|after)\b/;
// "4 weeks after my one on the 8th", "two weeks before my color": whole days from the booking's day.
// "the day after my color", "the week before my cut": one such unit.
const DAYS_FROM = new RegExp(String.raw`\b(?<amount>an?|the|one|two|three|four|five|six|\d{1,2}) (?<unit>weeks?|wks?|days?) ${DIRECTION} (?<booking>${OWNER}[^,.;!?()]*)`);
// "the monday before my haircut", "the friday after my color": a weekday counted from the booking's day.
const WEEKDAY_FROM = new RegExp(String.raw`\b(?:on )?the (?<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]* ${DIRECTION} (?<booking>${OWNER}[^,.;!?()]*)`);
// "the following week", "next week", "two weeks later": whole weeks on from the booking.
const WEEKS_ON = /\b(?:(?:the )?(?:following|next) week|(?:but )?(?<amount>a|one|two|three|four|\d) (?:weeks?|wks?) (?:later|after))\b/;
// "..., same time", "same start time as the color": the booking's clock time kept on the other day.
const SAME_TIME_WORDS = /\b(?:at )?(?:the )?same (?:start(?:ing)? )?(?:time|hour|slot)\b(?: as (?:the|my|our) [^,.;!?()]*)?/;
const SAME_TIME_AFTER = /\s(?=(?:at )?(?:the )?same (?:start(?:ing)? )?(?:time|hour|slot)\b)/;

/** "i have a cut saturday at 11, can i also ...", "my cut is at 9 right? a color straight after": the text opens by telling of a booking the customer has. */
export function opensWithBookingHad(text: string): boolean {
  const lower = dayAfterWhatFor(text.toLowerCase());
  const rest = STATED.exec(lower)?.groups?.rest;
  // "my cut is thurs at 2:30, any consult openings after 3 that day?": the request placed on its day is no telling either.
  return MENTION.test(lower) || (rest !== undefined && (RELATIVE_TO_IT.test(rest) || SAME_DAY_WORDS.test(rest)));
}

/**
 * Where a new booking goes relative to one the customer has, or undefined when the message
 * places nothing by a booking. `isService` says whether words name a service of the catalog.
 */
export function nextToBooking(text: string, isService: (words: string) => boolean, opts: { move?: boolean } = {}): NextToBooking | undefined {
  // "move it to sat, just after mine": a move asks for its booking; the rest need name no new one.
  // ("the day after my color" counts days, no place by it.)
  if (opts.move) return DAYS_FROM.test(text) ? undefined : relative(text, isService, true);
  return mentioned(text, isService) ?? stated(text, isService) ?? sameTimeAs(text, isService) ?? daysFrom(text, isService) ?? weekdayFrom(text, isService) ?? relative(text, isService) ?? whenEnds(text, isService) ?? endsAsItStarts(text, isService) ?? bare(text, isService);
}

/**
 * "my friend wants a cut at the same time as my appt on the 10th", "can i book the same time
 * as my dec 16 one but on jan 13": a new booking at a booking's very time, on its day unless
 * the request names another.
 */
function sameTimeAs(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const split = splitOff(SAME_TIME_AS.exec(text), text, isService);
  // "a cut one week before my color, same start time as the color": whole days from it, at its time (daysFrom).
  if (!split || DAYS_FROM.test(split.rest)) return undefined;
  // "while im in for my color on the 22nd could i also get a trim after": the "while" names the booking,
  // a bare "after" (or "before") at the end places the new one by its end (or start), not at its time.
  const beside = /^while\b/.test(SAME_TIME_AS.exec(text)?.[0]?.trim() ?? '') ? BESIDE_AT_END.exec(split.rest) : null;
  if (beside) return { edge: /^before/.test(beside[1]!) ? 'start' : 'end', minutes: 0, ...split, rest: split.rest.slice(0, beside.index).trim() };
  const later = LATER.exec(split.rest);
  if (!later?.groups) return { edge: 'same', minutes: 0, ...split };
  const days = (WORD_NUMBERS[later.groups.amount!] ?? Number(later.groups.amount)) * (later.groups.unit!.startsWith('w') ? 7 : 1);
  return { edge: 'same', minutes: 0, days, ...split, rest: split.rest.replace(LATER, ' ').replace(/\s+/g, ' ').trim() };
}

/** "can i get a trim right when my color ends on the 22nd": right after it. */
function whenEnds(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = WHEN_ENDS.exec(text);
  const said = m?.groups?.booking ?? m?.groups?.with ?? m?.groups?.end;
  const booking = said?.split(BOOKING_END)[0]!.trim();
  if (!m || !booking || !isService(booking)) return undefined;
  // "at the end of my color appt please": the words after the booking's name, which ends the match, stay the request's.
  const end = m.index + m[0].length - (m.groups?.booking ? 0 : said!.length - booking.length);
  const rest = `${text.slice(0, m.index)} ${text.slice(end)}`.replace(/\s+/g, ' ').trim();
  if (!isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest)) return undefined;
  return { edge: 'end', minutes: 0, booking, rest };
}

/** "a color on the 10th finishing right when my 3pm cut starts": ending by its start, as "before my cut" does. */
function endsAsItStarts(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = ENDS_AS_STARTS.exec(text);
  const booking = (m?.groups?.booking ?? m?.groups?.start)?.split(BOOKING_END)[0]!.trim();
  if (!m || !booking || !namesBooking(booking, isService)) return undefined;
  // The words that say the end ("finishing", "so it's done") go with the placement; the request is what stands before them.
  const said = text.slice(0, m.index).replace(/\b(?:so (?:that )?(?:it|i|we)(?:'s| is| am|'m| are|'re)?|and be|to be)\s*$/, '');
  const rest = `${said} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  if (!isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest)) return undefined;
  const person = bookingsPerson(booking, isService);
  return { edge: 'start', minutes: 0, booking, rest, ...(person ? { person } : {}) };
}

/** The words without a clause saying the new booking ends as the booking starts ("so it ends right when the consult starts"). */
function withoutEndRestated(rest: string): string {
  const m = ENDS_AS_STARTS.exec(rest);
  if (!m) return rest;
  const said = rest.slice(0, m.index).replace(/\b(?:so (?:that )?(?:it|i|we|im|its|were)(?:'s| is| am|'m| are|'re)?|and be|to be)\s*$/, '');
  return `${said} ${rest.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').replace(/[\s,;]+$/, '').trim();
}

/** "my cut is fri the 18th at 9 right? i want a color that same day straight after": placed by the booking stated. */
function stated(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = STATED.exec(text);
  if (!m?.groups || !isService(m.groups.booking!)) return undefined;
  const near = RELATIVE_TO_IT.exec(m.groups.rest!);
  if (!near?.groups) return statedThatDay(m.groups, isService);
  if (near.groups.named) return undefined;
  const rest = cut(m.groups.rest!, near).replace(SAME_DAY_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (!isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest)) return undefined;
  return { ...placement(near.groups), booking: `${m.groups.booking} ${m.groups.when}`, rest };
}

/**
 * "my cut is thurs the 17th at 2:30, any consult openings after 3 that day?", "my color is fri at 10,
 * can i get a trim at 1 the same day": the booking stated is context, and the request after it asks
 * for another service on its day. Only "that day" or "the same day" places it so: "my cut is at 9,
 * can i get a color saturday" names a day of its own, and "my cut is at 9, move it to 10" no new service.
 */
function statedThatDay(g: Record<string, string | undefined>, isService: (words: string) => boolean): NextToBooking | undefined {
  const said = g.rest!;
  if (!SAME_DAY_WORDS.test(said)) return undefined;
  const rest = said.replace(SAME_DAY_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (!isService(rest) || isService(g.booking!) === false) return undefined;
  return { edge: 'day', minutes: 0, booking: `${g.booking} ${g.when}`, rest };
}

function cut(text: string, m: RegExpExecArray): string {
  return `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
}

/**
 * "another haircut 4 weeks after my one on the 8th, same time", "a color two weeks before my
 * cut": a new booking whole days from a booking's day, at its time when "same time" is said.
 */
function daysFrom(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = DAYS_FROM.exec(text);
  const split = splitOff(m, text, isService);
  if (!split || !m?.groups) return undefined;
  const n = WORD_NUMBERS[m.groups.amount!] ?? Number(m.groups.amount);
  const days = n * (m.groups.unit!.startsWith('w') ? 7 : 1) * (m.groups.dir === 'after' || m.groups.dir === 'following' ? 1 : -1);
  const sameTime = SAME_TIME_WORDS.test(split.rest);
  const rest = split.rest.replace(SAME_TIME_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return { edge: sameTime ? 'same' : 'day', minutes: 0, days, ...split, rest };
}

/** "a color the monday before my haircut, 11am": on that weekday next to the booking's day, at the time said. */
function weekdayFrom(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = WEEKDAY_FROM.exec(text);
  const split = splitOff(m, text, isService);
  const day = m?.groups ? WEEKDAYS.indexOf(m.groups.weekday!) + 1 : 0;
  if (!split || !day) return undefined;
  const after = m!.groups!.dir === 'after' || m!.groups!.dir === 'following';
  return { edge: 'day', minutes: 0, weekday: after ? day : -day, ...split };
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, the: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** The booking a match names and the words left for the request, when both say what they must. */
function splitOff(m: RegExpExecArray | null, text: string, isService: (words: string) => boolean): { booking: string; rest: string; person?: 'self' | 'other' } | undefined {
  if (!m?.groups) return undefined;
  // "my appt on the 20th at the same time": the time kept is the request's, not the booking's name.
  const booking = m.groups.booking!.split(BOOKING_END)[0]!.split(SAME_TIME_AFTER)[0]!.trim();
  if (!namesBooking(booking, isService)) return undefined;
  const end = m.index + m[0].length - (m.groups.booking!.trimEnd().length - booking.length);
  const rest = `${text.slice(0, m.index)} ${text.slice(end)}`.replace(/\s+/g, ' ').trim();
  // "right after mine then", to the times offered for someone else: the request on screen, placed by the customer's own booking.
  const placesShown = SELF.test(booking) && ONLY_PLACEMENT.test(rest);
  if (!isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest) && !placesShown) return undefined;
  const person = bookingsPerson(booking, isService);
  return { booking, rest, ...(person ? { person } : {}) };
}

// "i have a wedding on the 12th, need my color done before that": an occasion named first is what "that" and "it" are, no booking.
const OCCASION = /\b(?:wedding|party|event|trip|vacation|holiday|interview|flight|photo ?shoot|shoot|graduation|prom|funeral|birthday|anniversary|gala|concert|dinner|date night|meeting|conference|ceremony|shower|reunion)\b/;

// "5:30 pls, i get off work right before that", "i finish class just before it": what the customer
// does beside the time asked is their reason for it, no booking to be placed next to.
const OWN_DOING = new RegExp(
  String.raw`\b(?:i|i'?m|im) (?:(?:get|got|am|m|usually|normally) )?(?:` +
    [
      String.raw`off`,
      String.raw`out of`,
      String.raw`(?:finish|finished|leave|left|get out of) (?:work|class|school|the office|my shift)`,
      String.raw`work`,
      String.raw`working`,
      String.raw`have (?:work|class|school|a shift)`,
      String.raw`at (?:work|school|class)`,
      String.raw`in class`,
    ].join('|') +
    String.raw`)\b[^,.;!?]*$`,
);

/** "oh and also a color right after at 9:30 same day", "a trim right after it": next to the booking just made (or talked about), on its day. */
function bare(text: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const m = BARE.exec(text) ?? AFTER_THAT.exec(text) ?? AFTER_IT.exec(text) ?? WHEN_IT_ENDS.exec(text);
  if (!m) return undefined;
  if (m[0].includes(' that') || / it\b/.test(m[0])) {
    if (OCCASION.test(text.slice(0, m.index)) || OWN_DOING.test(text.slice(0, m.index))) return undefined;
  }
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`
    .replace(/\b(?:on )?(?:the )?same day\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest)) return undefined;
  const where = m.groups ? placement(m.groups) : { edge: 'end' as const, minutes: 0 };
  return { ...where, ...(bookingNamedBeside(rest, isService) ?? { booking: '', rest, person: 'other' as const }) };
}

// "the consult", "my color": a service named as a thing had, not asked ("a cut", "an updo").
const HAD_SERVICE = /\b(?:the|my|our) (?<words>[a-z']+(?: [a-z']+)?)/g;

/**
 * "if the consult goes well i want a cut right after": beside a bare "right after", a service
 * named as had ("the consult", "my color") is the booking it is after, and the other one named
 * is the new booking's; undefined unless both are said.
 */
function bookingNamedBeside(rest: string, isService: (words: string) => boolean): { booking: string; rest: string } | undefined {
  for (const m of rest.matchAll(HAD_SERVICE)) {
    const words = m.groups!.words!.split(' ');
    const service = isService(words.join(' ')) ? words.join(' ') : isService(words[0]!) ? words[0]! : undefined;
    if (!service) continue;
    const booking = `${m[0].split(' ')[0]} ${service}`;
    const others = `${rest.slice(0, m.index)} ${rest.slice(m.index! + booking.length)}`.replace(/\s+/g, ' ').trim();
    if (isService(others)) return { booking: booking.replace(/^the /, 'my '), rest: others };
  }
  return undefined;
}

function relative(text: string, isService: (words: string) => boolean, move = false): NextToBooking | undefined {
  const m = firstOf(RELATIVE.exec(text), SAME_DAY.exec(text));
  if (!m?.groups) return undefined;
  // "the same day as me at 11": the day is the customer's booking's, the time the new one's.
  const byPerson = SELF.test(m.groups.booking!) || OTHER.test(m.groups.booking!);
  const timed = m.groups.dir === undefined && SELF.test(m.groups.booking!) ? m.groups.booking!.split(CLOCK_SAID)[0]! : m.groups.booking!;
  // "after me on monday for a trim": a booking named by its person says no service; the one said is the request's.
  const said = byPerson ? timed.split(SERVICE_WANTED)[0]! : timed;
  const booking = said.split(BOOKING_END)[0]!.trim();
  if (!namesBooking(booking, isService)) return undefined;
  // The words after the booking's name ("... my color please") stay the request's.
  const end = m.index + m[0].length - (m.groups.booking!.trimEnd().length - booking.length);
  let rest = `${text.slice(0, m.index)} ${text.slice(end)}`.replace(/\s+/g, ' ').trim();
  // "a color before my consult on the 11th, so it ends right when the consult starts": the end
  // said again places nothing new, and the booking it names again is no request.
  if (m.groups.dir && /^(?:before|ahead of|prior to)$/.test(m.groups.dir)) rest = withoutEndRestated(rest);
  // "right after mine then", to the times offered for someone else: the request on screen, placed by the customer's own booking.
  // "ok what about before my cut then, 12:30?", to the times offered for a color: the color, at that time beside the cut
  // ("right after mine, 2:30" to times offered for someone else is a pick of the 2:30 offered).
  const placesShown = ONLY_PLACEMENT.test(rest) || (!byPerson && ONLY_PLACEMENT.test(withoutClockTime(rest)));
  if (!move && !isService(rest) && !NEW_BOOKING.test(rest) && !FOR_PERSON.test(rest) && !placesShown) return undefined;
  const person = bookingsPerson(booking, isService);
  // "the same day as mine, earlier in the day": that day is the booking's, no other.
  if (m.groups.dir === undefined) rest = rest.replace(IN_THE_DAY, ' ').replace(/\s+/g, ' ').trim();
  // "the same day as my color, right after it": the day, then the place on it.
  const near = m.groups.dir === undefined ? RELATIVE_TO_IT.exec(rest) : null;
  if (near?.groups && !near.groups.named) {
    const left = `${rest.slice(0, near.index)} ${rest.slice(near.index + near[0].length)}`.replace(/\s+,/g, '').replace(/\s+/g, ' ').trim();
    return { ...placement(near.groups), booking, rest: left, ...(person ? { person } : {}) };
  }
  const loose = m.groups.dir !== undefined && LOOSE.test(text.slice(0, m.index));
  return { ...byPersonsTime(placement(m.groups), person), booking, rest, ...(person ? { person } : {}), ...(loose ? { loose } : {}) };
}

/**
 * "my daughter an hour after mine", "30 min after him": a person's booking is said by its
 * time, so an amount after it counts from its start ("30 min after my cut" counts from the cut's end).
 */
function byPersonsTime(p: { edge: 'start' | 'end' | 'day'; minutes: number }, person: 'self' | 'other' | undefined): { edge: 'start' | 'end' | 'day'; minutes: number } {
  return person && p.edge === 'end' && p.minutes > 0 ? { edge: 'start', minutes: p.minutes } : p;
}

/** The words around a clock time said beside a placement ("ok what about , 12:30?" → "ok what about"). */
function withoutClockTime(text: string): string {
  if (!CLOCK_TIME.test(text)) return text;
  return text.replace(CLOCK_TIME, ' ').replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// "12:30", "2pm", or an hour said with "at" ("at 2"), which no other number is.
const CLOCK_TIME = /\b(?:at |like |around |about |say )?\d{1,2}(?::\d{2}\s*(?:am|pm)?|\s*(?:am|pm))(?![\w:])|\bat \d{1,2}\b(?![\w:])/;

/**
 * The placement said first: "a color on the day of my cut, at 2 so it's done before my cut"
 * is placed by the day; the later "before my cut" only says why.
 */
function firstOf(a: RegExpExecArray | null, b: RegExpExecArray | null): RegExpExecArray | null {
  if (!a || !b) return a ?? b;
  return b.index < a.index ? b : a;
}

/** "me", "mine on friday": the customer's; "him", "her": someone else's; "my haircut", "her cut": named by service. */
function bookingsPerson(booking: string, isService: (words: string) => boolean): 'self' | 'other' | undefined {
  if (SELF.test(booking)) return 'self';
  if (OTHER.test(booking) || (OTHERS_BOOKING.test(booking) && !isService(booking))) return 'other';
  return undefined;
}

/** "my thursday appt", "the color", "me on saturday": words that can name a booking of the customer's. */
function namesBooking(booking: string, isService: (words: string) => boolean): boolean {
  if (SELF.test(booking) || OTHER.test(booking) || BY_TIME.test(booking)) return true;
  if (BY_SERVICE_ONLY.test(booking)) return isService(booking);
  return BOOKING_NOUN.test(booking) || isService(booking);
}

// "since im already coming in the 16th for my cut": the day said between "coming in" and the booking it is for.
// Only "my ...": "im coming in the 16th for a cut and a consult" may ask for both.
const DAY_BEFORE_FOR = new RegExp(
  String.raw`\b((?:i'?m|im|i am) (?:already )?(?:coming in|coming|in|booked))(?: already)? (?:on )?((?:the )?\d{1,2}(?:st|nd|rd|th)?|${MONTH} \d{1,2}(?:st|nd|rd|th)?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|tmrw|tomorrow)(?: already)? for (my [a-z]+)`,
);

/** "im coming in the 16th for my cut" said as "im coming in for my cut on the 16th", the telling MENTION reads. */
function dayAfterWhatFor(text: string): string {
  return text.replace(DAY_BEFORE_FOR, '$1 for $3 on $2');
}

function mentioned(said: string, isService: (words: string) => boolean): NextToBooking | undefined {
  const text = dayAfterWhatFor(said);
  const asked = ASKED_ABOUT.exec(text);
  // A question places the request only by "it" ("right after it"); else it is a question and a request of their own.
  const m = MENTION.exec(text) ?? toldLater(text) ?? (asked?.groups && RELATIVE_TO_IT.test(asked.groups.rest!) ? asked : null);
  if (!m?.groups) return undefined;
  const booking = m.groups.booking!.trim();
  let rest = m.groups.rest!.trim();
  // Without an article only a service names the booking ("i have color on wed"), never "i have to ..." or "i have time";
  // or its day and time ("i've got sat at 2").
  const names = m.groups.article ? BOOKING_NOUN.test(booking) || isService(booking) : (isService(booking) && !/^to\b/.test(booking)) || BY_DAY_AND_TIME.test(booking);
  if (!names || !(isService(rest) || NEW_BOOKING.test(rest))) return undefined;
  const near = RELATIVE_TO_IT.exec(rest);
  // "after the haircut" places it by the booking mentioned only when those words name a service.
  if (near?.groups && (!near.groups.named || isService(near.groups.named))) {
    rest = `${rest.slice(0, near.index)} ${rest.slice(near.index + near[0].length)}`.replace(SAME_DAY_WORDS, ' ').replace(/\s+/g, ' ').trim();
    return { ...placement(near.groups), booking, rest };
  }
  // "another cut at the same time the following week": its time, whole weeks on.
  const copy = weeksOnAtSameTime(rest);
  if (copy) return { edge: 'same', minutes: 0, days: copy.days, booking, rest: copy.rest };
  // "my son has a cut friday, can i get one too at the same time": at its very time.
  if (SAME_TIME_WORDS.test(rest)) return { edge: 'same', minutes: 0, booking, rest: rest.replace(SAME_TIME_WORDS, ' ').replace(/\s+/g, ' ').trim() };
  // "at 12 that day", "the same day", or a time alone: on the booking's day.
  return { edge: 'day', minutes: 0, booking, rest: rest.replace(SAME_DAY_WORDS, ' ').replace(/\s+/g, ' ').trim() };
}

/**
 * "my daughter wants a trim too! i already have sat at 1 w lee, can she go at 1:30?": the booking
 * told of opens a later sentence, and the request is what stands around it, before and after.
 */
function toldLater(text: string): RegExpExecArray | null {
  for (const stop of text.matchAll(/[.!?;]+\s+/g)) {
    const head = text.slice(0, stop.index).trim();
    const m = MENTION.exec(text.slice(stop.index + stop[0].length));
    if (m?.groups && head) {
      m.groups.rest = `${head}, ${m.groups.rest}`;
      return m;
    }
  }
  return null;
}

/** "at the same time the following week", "same time but two weeks later": whole weeks on, at the booking's time. */
function weeksOnAtSameTime(text: string): { days: number; rest: string } | undefined {
  const weeks = WEEKS_ON.exec(text);
  if (!weeks?.groups || !SAME_TIME_WORDS.test(text)) return undefined;
  const n = weeks.groups.amount ? (WORD_NUMBERS[weeks.groups.amount] ?? Number(weeks.groups.amount)) : 1;
  return { days: 7 * n, rest: text.replace(WEEKS_ON, ' ').replace(SAME_TIME_WORDS, ' ').replace(/\s+/g, ' ').trim() };
}

/** "30 min after" → end +30; "right after" → end; "an hour before" → start −60; "before" → ending by the start. */
function placement(g: Record<string, string | undefined>): { edge: 'start' | 'end' | 'day'; minutes: number } {
  const after = g.dir === 'after' || g.dir === 'following';
  const minutes = g.amount && g.unit ? amountMinutes(g.amount, g.unit) : 0;
  if (g.dir === undefined) return { edge: 'day', minutes: 0 };
  return after ? { edge: 'end', minutes } : { edge: 'start', minutes: minutes === 0 ? 0 : -minutes };
}

function amountMinutes(amount: string, unit: string): number {
  const words: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };
  const n = amount.startsWith('half') ? 0.5 : (words[amount] ?? Number(amount));
  return Math.round(unit.startsWith('h') ? n * 60 : n);
}

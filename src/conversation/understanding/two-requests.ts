// Two requests in one text: "move it to friday and what's your address", "anything on
// thursday? and how much is color", "cancel the color and when is the haircut". The
// request (a move, a cancel, a look at what is booked) is read on its own part, so the
// question's words never pick its service or day; the question is kept beside it to be
// answered in the same reply. A booking asked with a question is read elsewhere (alsoBooks).
import { saysCancelVerb } from './cancel-verbs.ts';
import { onDaySaidLast } from './day-said-last.ts';
import { MOVE_VERB } from './moves.ts';
import { RELATIVES } from './relatives.ts';
import { opensWithBookingHad } from './next-to-booking.ts';
import { nextToAskedBooking, onAskedBookingsDay, onFirstDay, timeOnFirstDay } from './on-first-day.ts';
import { anotherOfSame } from './another-of-same.ts';
import { splits } from './request-parts.ts';
import { twoQuestions, withBookingOfFirst } from './two-questions.ts';
import type { DateRange, Intent, Understanding, UnderstandContext } from './types.ts';

const REQUESTS: readonly Intent[] = ['reschedule', 'cancel', 'my_appointments'];
const QUESTIONS: readonly Intent[] = ['business_info', 'my_appointments'];
// The requests a business question may come with, asking when they are allowed.
const CHANGES: readonly Intent[] = ['reschedule', 'cancel'];
/**
 * The whole message's reading, with `also` set when it splits into a request and a
 * question of another kind; else the whole reading unchanged.
 */
export function withSecondRequest(args: {
  text: string;
  ctx: UnderstandContext;
  whole: Understanding;
  classifyOne: (text: string, ctx: UnderstandContext) => Understanding;
}): Understanding {
  const { text, ctx, whole } = args;
  if (ctx?.expecting === 'intake' || text.length > 400) return whole;
  if (whole.intent === 'business_info') return questionThenChange(args) ?? twoQuestions(args) ?? whole;
  // "a cut on the 8th at 2 and a color the day after at 10": a booking first, its words asked so, whatever the whole reads as.
  // "book another cut fri at 4.. no wait i mean move my thursday one": the booking taken back, the change after it is the request.
  const retracted = whole.intent === 'book' ? correctedChange(args) : undefined;
  if (retracted) return retracted;
  const bookings = whole.intent === 'book' || ASKS_BOOKING.test(text) ? bookingThenBooking(args) : undefined;
  if (bookings) return bookings;
  if (whole.intent === 'book') return bookingBesideQuestion(args) ?? whole;
  if (!REQUESTS.includes(whole.intent)) return whole;
  if (whole.intent === 'my_appointments') return bookingBesideQuestion(args) ?? checkThenChange(args) ?? withQuestion(args);
  const two = correctedChange(args) ?? twoChanges(args) ?? twoMoves(args);
  return two ?? withQuestion(args);
}

// "do u guys do highlights", "do you offer perms": whether a service is done, asked, not booked.
const OFFER_ASKED = /\b(?:do|does|can) (?:u|you|ya|y'?all|the salon)(?: guys| all)? (?:do|offer|have|provide|carry)\b/;

/** Beside a change, "do u guys do highlights" asks about the service; no day said, it books nothing. */
function offerAsked(tail: string, read: Understanding): Understanding {
  if (read.intent !== 'book' || !read.serviceId || read.when || !OFFER_ASKED.test(tail.toLowerCase())) return read;
  return { ...read, intent: 'business_info', asksServices: true };
}

/** The request and a question of another kind beside it ("move it to friday and what's your address"), else the whole. */
function withQuestion(args: Parameters<typeof withSecondRequest>[0]): Understanding {
  const { text, ctx, whole, classifyOne } = args;
  for (const { head, tail } of splits(text)) {
    const free = { ...ctx, expecting: null };
    const first = classifyOne(head, free);
    const second = offerAsked(tail, classifyOne(tail, free));
    const pair = pairOf(whole.intent, first, second);
    if (pair && pair.question === first) {
      const pointed = pointedByQuestion(pair.request, pair.question);
      if (pointed) return pointed;
    }
    // "whats the address for my friday appt and what time was it": "it" is the booking the question named.
    if (pair) return { ...(pair.question === first ? withBookingOfFirst(pair.request, first, tail) : pair.request), also: pair.question };
  }
  return whole;
}

// What may follow a change in the same text as a request of its own: another change, or a new booking.
const FOLLOWS_CHANGE: readonly Intent[] = ['reschedule', 'cancel', 'book'];
// A booking after a change says so ("and add my daughter", "then book a color"); "cancel my color and the haircut" cancels both.
// "put me down for a trim", "pencil me in", "sign me up for a color": a booking said without "book".
// "then do my son right after", "and take my daughter at 5:30": a relative's booking said by what is done to them.
const BOOKS = new RegExp(
  String.raw`\b(book|add|schedule|get|squeeze|fit|reserve|pencil|give (me|us)|put (me|us|him|her|them) (down|in)|sign (me|us|him|her|them) up|(do|take) (my|our) (${RELATIVES}))\b`,
  'i',
);

/**
 * "cancel my color on the 8th and move my cut to friday", "move the consult to tuesday and
 * cancel the haircut": two requests, each changing what is booked. Each is read on its own
 * words; the first is done now and the second (`then`, its words) once the first is committed.
 */
function twoChanges(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, whole, classifyOne } = args;
  if (!CHANGES.includes(whole.intent)) return undefined;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const first = classifyOne(head, free);
    // "cancel my dec 10 color and book a trim that day at 2": the second's day said from the first's is that day.
    const said = secondsWords(tail, first, args);
    const second = classifyOne(said, free);
    // "cant come, R to next week same time", "can't make it tmrw, move me to friday at 2": the can't says why the booking moves, and which; one request.
    // "cancel my dec 8 appt and put me in for the 15th, same time instead": a cancel whose booking gets the new time "instead" is one move too.
    const cantThenMove = first.intent === 'cancel' && second.intent === 'reschedule' && (!saysCancelVerb(head) || IN_PLACE.test(tail));
    if (cantThenMove && !second.apptWhen && (!first.serviceId || !second.serviceId || first.serviceId === second.serviceId)) return movedAsNamed(second, first);
    // "book me a cut tmrw at 10 and cancel my friday one": the booking first, the change once it is booked.
    if (bookingThenChange(first, second, head)) return { ...first, then: said };
    // "cancel my wed appt and book me a color tues at 10 instead": the booking canceled names no service, so whether
    // the color takes its place (a move) or is a booking of its own (a cancel, then the color) is for its service to say.
    if (whole.intent === 'reschedule' && first.intent === 'cancel' && !first.serviceId && second.serviceId && bookingOfItsOwn(second) && BOOKS.test(tail) && IN_PLACE.test(tail)) {
      return { ...whole, orCancelThen: onFirstDay(tail, dayOf(first), ctx.timeZone) };
    }
    // "cancel my haircut and book a color instead" puts one in the other's place: read whole elsewhere.
    const inPlace = first.intent === 'cancel' && (BOOKS.test(tail) || WANTS_INSTEAD.test(tail)) && booksOwnDay(first, second);
    // "cancel mine and book my daughter one sat instead": someone else's booking never takes the place of one's own.
    const ownRequest = bookingOfItsOwn(second) && (!IN_PLACE.test(tail) || second.forSomeoneElse === true);
    const asked = second.intent !== 'book' || (BOOKS.test(tail) && (first.intent === 'reschedule' || ownRequest)) || inPlace;
    if (CHANGES.includes(first.intent) && FOLLOWS_CHANGE.includes(second.intent) && first.intent !== second.intent && asked) {
      return { ...first, ...(inPlace ? { replacedBy: second.serviceId } : {}), then: secondsWords(tail.replace(KEPT_CLAUSE, ''), first, args) };
    }
  }
  return undefined;
}

/**
 * The second request's words, its day said from the first's spelled as a date ("cancel my dec 10
 * color and book a trim that day at 2"). A move whose words name its own booking and count from
 * it ("and push my saturday one to the following saturday, same time") keeps them: its day is
 * reckoned from that booking, not from the first request's.
 */
function secondsWords(tail: string, first: Understanding, args: Parameters<typeof withSecondRequest>[0]): string {
  const own = args.classifyOne(tail, { ...args.ctx, expecting: null });
  if (own.intent === 'reschedule' && (own.apptWhen || own.serviceId) && own.shift) return tail;
  return spelledFromFirst(onFirstDay(tail, dayOf(first), args.ctx.timeZone), first, args);
}

/**
 * The second request's words as read once the first is done: "another one" is one more of the
 * first's service (another-of-same.ts), and a clock time said alone is on the first's day.
 */
function spelledFromFirst(words: string, first: Understanding, args: Parameters<typeof withSecondRequest>[0]): string {
  const free = { ...args.ctx, expecting: null };
  const own = args.classifyOne(words, free);
  const named = own.serviceId ? words : anotherOfSame(words, args.ctx.services?.find((s) => s.id === first.serviceId)?.name);
  const read = named === words ? own : args.classifyOne(named, free);
  // After a request with no time of its own ("a consult thu dec 3, 2pm?"), a time said alone is that request's, no second booking.
  const timeOnly = Boolean(first.when?.exactTime) && !CHANGES.includes(read.intent) && read.when !== undefined && read.when.dayNamed === false && !read.shift;
  const day = dayOf(first);
  // "move my thursday haircut to 11": a weekday naming a booking had may mean one further on than the nearest; "that day" is the one it was.
  if (timeOnly && day === first.apptWhen && day?.weekdayOnly) return `${named} that day`;
  return timeOnFirstDay(named, day, timeOnly, args.ctx.timeZone);
}

/**
 * "move my cut on the 17th to 11, and my color on the 18th to 12": two moves, each naming its
 * booking (by service or day) and its new time. The first is asked now and the second (`then`,
 * its words with the verb said once) once the first is moved, each on its own yes.
 */
function twoMoves(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, whole, classifyOne } = args;
  if (whole.intent !== 'reschedule' || whole.allBookings) return undefined;
  const free = { ...ctx, expecting: null };
  const namesBooking = (u: Understanding) => u.serviceId !== undefined || u.apptWhen !== undefined;
  for (const { head, tail } of splits(text)) {
    if (restatesDay(head, tail)) continue;
    const first = classifyOne(head, free);
    if (first.intent !== 'reschedule' || !first.when || !namesBooking(first)) continue;
    // "and my color on the 18th to 12": the second move said without a verb of its own.
    const asked = MOVE_VERB.test(tail) ? tail : `move ${tail.replace(/^(?:then|and|also) /i, '')}`;
    const second = classifyOne(asked, free);
    if (second.intent === 'reschedule' && second.when && namesBooking(second)) return { ...first, then: asked };
  }
  return undefined;
}

// A day's words: a weekday, "tomorrow", a date ("the 12th", "dec 12", "12/12").
const DAY_SAID = String.raw`(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?|tomorrow|tmrw|(?:the )?\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2})`;
const ENDS_ON_DAY = new RegExp(String.raw`\b${DAY_SAID}[\s,;:-]*$`);
const OPENS_ON_DAY = new RegExp(String.raw`^[\s,;:-]*(?:(?:so|i mean|i\.e|ie|aka|which is|thats?|that's) )?${DAY_SAID}\b`);
// A booking said in the words after: "the 18th one", "my color on the 18th", "the 18th to monday".
const NAMES_A_BOOKING = /\b(?:my|our|one|appt|appointment|booking|to)\b/;

/**
 * "push my saturday appt to the following sat, the 12th, same time 11am": the day after the
 * new day says it again (its date), it names no second booking to move.
 */
function restatesDay(head: string, tail: string): boolean {
  return ENDS_ON_DAY.test(head) && OPENS_ON_DAY.test(tail) && !NAMES_A_BOOKING.test(tail);
}

// "cancel monday, keep thursday, and move sat...": the booking kept asks nothing; the request after it is the one to do.
const KEPT_CLAUSE = /^(?:but |and )?(?:keep|keeping|leave|leaving)\b[^,;.!?]*?(?:[,;.!?]+ *| )(?:and |then |also )?(?=(?:move|reschedule|cancel|push|change|switch|book)\b)/i;

/** The move, of the booking the can't named ("cant make my cut tmrw"): its day, service and person, when the move names none. */
function movedAsNamed(move: Understanding, cant: Understanding): Understanding {
  const named = { ...(cant.when ? { apptWhen: cant.when } : {}), ...(cant.serviceId ? { serviceId: cant.serviceId } : {}), ...(cant.staffId ? { staffId: cant.staffId, staffNamesBooking: true } : {}) };
  return { ...named, ...move };
}

/** The day a request is on: its own time's, else (a move to a time alone, "to 4") its booking's. */
function dayOf(u: Understanding): DateRange | undefined {
  return u.when && u.when.dayNamed !== false ? u.when : u.apptWhen;
}

// "then my color", "and a trim": a booking said without a verb of its own, asked as one when read apart.
const BOOKING_VERB = /\b(book|schedule|get|add|squeeze|fit|put|need|want|like|reserve)\b/i;

/**
 * "book me a cut this fri at 10 and then my color the following tues at 9am", "a color on the
 * 8th at 1 and a trim right after": two bookings, each with a time of its own (or placed by
 * the first). The first is asked now and the second (`then`, its words, its day spelled from
 * the first's) once the first is booked: each on its own offers and yes.
 */
function bookingThenBooking(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, classifyOne } = args;
  // "i have a cut saturday at 11, can i also do a consultation at 12 that day": the first is had, not asked (next-to-booking.ts).
  if (opensWithBookingHad(text)) return undefined;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const first = withDaySaidLast(head, tail, args);
    if (first.intent !== 'book' || !first.serviceId || !(bookingOfItsOwn(first) || first.nextTo)) continue;
    const spelled = spelledFromFirst(onFirstDay(tail.replace(/^(?:then|and|also|after that) /i, ''), dayOf(first), ctx.timeZone), first, args);
    const asked = BOOKING_VERB.test(spelled) ? spelled : `book ${spelled}`;
    const second = classifyOne(asked, free);
    const timed = (second.when !== undefined && second.when.dayNamed !== false) || second.nextTo !== undefined;
    if (second.intent === 'book' && second.serviceId && timed && !second.shift) return { ...withSharedStaff(first, second, tail), then: asked };
  }
  return undefined;
}

// "..., both with dana", "each with lee": the person said once for the two bookings.
const SHARED = /\b(?:both|each|all)\b/i;

/** The first booking with the person said for both at the end of the second's words, when it names none of its own. */
function withSharedStaff(first: Understanding, second: Understanding, tail: string): Understanding {
  return !first.staffId && second.staffId && SHARED.test(tail) ? { ...first, staffId: second.staffId } : first;
}

/** The first booking's reading, on the day said once at the end of the second's words (day-said-last.ts). */
function withDaySaidLast(head: string, tail: string, args: Parameters<typeof withSecondRequest>[0]): Understanding {
  const free = { ...args.ctx, expecting: null };
  const first = args.classifyOne(head, free);
  if (first.intent !== 'book' || !first.serviceId || first.when?.dayNamed !== false) return first;
  const words = tail.replace(/^(?:then|and|also|after that) /i, '');
  const second = args.classifyOne(BOOKING_VERB.test(words) ? words : `book ${words}`, free);
  const dated = onDaySaidLast(head, first, second, args.ctx.timeZone);
  return dated === head ? first : args.classifyOne(dated, free);
}

// "cancel my thursday appt and book me a haircut friday at 10 instead": the booking takes the canceled one's place (a move).
const IN_PLACE = /\binstead\b/i;
// "book me a cut", "get my son a trim", "schedule a color": a booking asked for, not told of ("i booked", "my work schedule").
const ASKS_BOOKING = /\b(book|schedule|get|add|squeeze|fit|put)( me| us| him| her| them)?( in)? (a|an|another|my|our|his|her|their|some)\b/i;
// "i just want a haircut instead", "i'd rather do a color": another service asked in the canceled one's place.
// "i'll just do a trim that day", "just a cut at 2": "just" puts the smaller booking in the canceled one's place.
const WANTS_INSTEAD = /\b(want|like|rather|prefer|instead|just|i'?ll (do|have|take|go with))\b/i;

/**
 * "cancel friday and book a color monday at 10", "cancel my sat one and book my son fri at 4:30":
 * after a cancel, a booking that names its service (or is for someone else) and its own day is
 * a request of its own, not the canceled booking's new time ("cancel my 3pm and book 4pm instead").
 */
function bookingOfItsOwn(booking: Understanding): boolean {
  if (booking.intent !== 'book' || booking.replacedBy) return false;
  const named = booking.serviceId !== undefined || booking.forSomeoneElse === true;
  return named && booking.when !== undefined && booking.when.dayNamed !== false && !booking.shift;
}

/** "book me a cut tmrw at 10 and cancel my one on friday": a booking said in so many words, then a change of another booking. */
function bookingThenChange(first: Understanding, second: Understanding, head: string): boolean {
  return first.intent === 'book' && ASKS_BOOKING.test(head) && bookingOfItsOwn(first) && CHANGES.includes(second.intent);
}

// Opens a part that takes back the part before it: "cancel it. actually no, move it".
const CORRECTION = /^(?:(?:oh |no )?wait|actually|no|nah|nope|scratch that|on second thought|never ?mind|nvm|i mean|i meant|oops|whoops|my bad)\b/i;

/**
 * "cancel my haircut thursday. actually no, move it to friday same time": a change taken
 * back in the same text for another. Only the last one counts; the booking the first named
 * (its service, its day) is the one the last one changes, unless it names its own.
 * "i want to book another cut fri at 4... no wait i mean move my thursday one to fri 4": a new
 * booking taken back for a change; the change names its own booking (the new one's day is none had).
 */
function correctedChange(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, whole, classifyOne } = args;
  if (!CHANGES.includes(whole.intent) && whole.intent !== 'book') return undefined;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    if (!CORRECTION.test(tail)) continue;
    const first = classifyOne(head, free);
    const last = classifyOne(tail, free);
    if (!CHANGES.includes(last.intent)) continue;
    if (first.intent === 'book' && !first.changesBooked) return withoutTakeBack(last);
    if (!CHANGES.includes(first.intent)) continue;
    // A cancel's day names its booking; a move's booking is its `apptWhen` (its `when` the new time).
    const named = first.intent === 'cancel' ? first.when : first.apptWhen;
    const booking = last.intent === 'cancel' ? { when: last.when ?? named } : { apptWhen: last.apptWhen ?? named };
    return { ...withoutTakeBack(last), serviceId: last.serviceId ?? first.serviceId, ...booking };
  }
  return undefined;
}

/** The request after a correction, without the "no" that took back what came before it (nothing on screen is declined). */
function withoutTakeBack(last: Understanding): Understanding {
  const { abandons: _dropped, answer: _no, ...request } = last;
  return request;
}

/**
 * "cancel my cut on thursday and book me a color on friday at 10 instead": another service
 * on a day of its own is a booking asked now, once the cancel is done. One said from the
 * canceled booking ("at the same time") waits for the cancel's time (providers/offline/after-cancel.ts).
 */
function booksOwnDay(cancel: Understanding, booking: Understanding): boolean {
  const other = booking.serviceId !== undefined && cancel.serviceId !== undefined && booking.serviceId !== cancel.serviceId;
  return other && booking.when !== undefined && booking.when.dayNamed !== false && !booking.shift;
}

/**
 * "is it too late to change tmrw's appt? if not move it to thursday 3pm", "how much is
 * it to cancel, and cancel my friday one": the whole reads as the question (its words
 * name a change), yet one part asks for a move or a cancel. The request goes on with the
 * question answered beside it; the appointment the question named is the one meant.
 */
function questionThenChange(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, whole, classifyOne } = args;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const parts = [classifyOne(head, free), classifyOne(tail, free)];
    const question = parts.find((p) => p.intent === 'business_info');
    const request = parts.map((p) => movedInPlace(p, question)).find((p) => CHANGES.includes(p.intent));
    if (!request || !question) continue;
    const apptWhen = request.apptWhen ?? whole.apptWhen ?? question.when;
    return { ...request, ...(apptWhen ? { apptWhen } : {}), also: question };
  }
  return undefined;
}

// A question in the words naming the booking ("when's my cut?"), not only its name ("my appt with dana,").
const ASKS_SOMETHING = /\?|\b(?:when|what|whats|which|who|where|how|is|are|am|do|did|does)\b|\bwhen'?s\b/i;

/**
 * "what day is my color again? and can it be 9am that day instead", "when's my cut? could we
 * do 4 instead": the booking asked about, then a time said as its change. The move goes on,
 * with the question answered beside it; the booking the question named is the one moved.
 */
function checkThenChange(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, classifyOne } = args;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const question = classifyOne(head, free);
    const change = classifyOne(tail, free);
    if (question.intent !== 'my_appointments' || !(change.intent === 'book' && change.changesBooked && change.when && !change.forSomeoneElse)) continue;
    const apptWhen = change.apptWhen ?? question.when;
    const serviceId = change.serviceId ?? question.serviceId;
    // "my appt with dana, can it be 2pm instead?": the person names the booking moved, and the words naming it asked nothing.
    const byStaff = question.staffId && !change.staffId ? { staffId: question.staffId, staffNamesBooking: true } : {};
    const asked = ASKS_SOMETHING.test(head) ? { also: question } : {};
    return { ...change, intent: 'reschedule', changesBooked: undefined, ...(apptWhen ? { apptWhen } : {}), ...(serviceId ? { serviceId } : {}), ...byStaff, ...asked };
  }
  return undefined;
}

/**
 * "is it too late to reschedule my thurs appt? would love fri at 10 instead": beside a question
 * about the rules for a change, a time said as a change of what is booked is that change, a
 * move (the booking the question named is the one moved).
 */
function movedInPlace(part: Understanding, question: Understanding | undefined): Understanding {
  const asksRules = question?.infoTopic === 'policies';
  return asksRules && part.intent === 'book' && part.changesBooked && part.when && !part.forSomeoneElse ? { ...part, intent: 'reschedule', changesBooked: undefined } : part;
}

// "i'd like a consult w lee that day at 11", "can i get a color fri at 9", "i want a trim the 12th": a booking wished for,
// said without a booking verb; with its own service and day beside a question about what is booked, it is asked too.
// "i also want a trim", "also need a color just before it": the wish said with "also", or with no "i" in a text.
const WANTS_BOOKING = /\b(?:i'?d like|i would like|i (?:also |really |just )?(?:want|need)|id love|i'?d love|can i (?:get|have|do|book)|could i (?:get|have|do|book)|can we (?:get|do|book))\b|^\s*(?:also |and |plus )?(?:want|need|wanna) (?:a|an|to (?:add|get|book))\b/i;

/**
 * "book me a trim mon the 14th at 10 and remind me when my color is", "when's my color? also
 * get me a cut friday at 2": a booking asked in so many words beside a question about what is
 * booked. The question is answered first, then the booking goes on (`also`).
 */
function bookingBesideQuestion(args: Parameters<typeof withSecondRequest>[0]): Understanding | undefined {
  const { text, ctx, classifyOne } = args;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const asked = classifyOne(head, free);
    const parts = [{ words: head, u: asked }, { words: tail, u: classifyOne(sameDayAsAsked(tail, asked, ctx), free) }];
    const booking = parts.find((p) => p.u.intent === 'book' && (ASKS_BOOKING.test(p.words) || WANTS_BOOKING.test(p.words)) && (bookingOfItsOwn(p.u) || onBookingsDay(p.u) || nextToOwnBooking(p.u)));
    const question = parts.find((p) => p.u.intent === 'my_appointments');
    if (booking && question) return { ...booking.u, also: question.u };
  }
  return undefined;
}

/**
 * "whens my color? also add a cut same day at 2": after a question about a booking, "same day"
 * is that booking's day. Its day said in the question is spelled out; else the booking the
 * question named (its service, or any) places the new one once the appointments are known.
 */
function sameDayAsAsked(tail: string, asked: Understanding, ctx: UnderstandContext): string {
  if (asked.intent !== 'my_appointments') return tail;
  const service = ctx.services?.find((s) => s.id === asked.serviceId)?.name.toLowerCase() ?? 'appt';
  // "whens my color? can i add a cut right after it": "it" is the booking asked about.
  const placed = nextToAskedBooking(tail, service);
  // "what time is my appt next week? ... the same day": a span of days names no day; the booking in it does.
  if (asked.when && asked.when.dayNamed !== false && !spansDays(asked.when)) return onFirstDay(placed, asked.when, ctx.timeZone);
  return onAskedBookingsDay(placed, service);
}

/** A range longer than one day ("next week", "this month"), which the booking asked about lies somewhere in. */
function spansDays(when: NonNullable<Understanding['when']>): boolean {
  return when.to.getTime() - when.from.getTime() > 26 * 3_600_000;
}

/** A booking of a service placed right before or after one the customer has ("right after my color"). */
function nextToOwnBooking(booking: Understanding): boolean {
  const edge = booking.nextTo?.edge;
  return booking.serviceId !== undefined && (edge === 'start' || edge === 'end') && booking.nextTo?.person !== 'other' && !booking.forSomeoneElse;
}

/** A booking of a service placed on the day of one the customer has ("the same day as my appt"). */
function onBookingsDay(booking: Understanding): boolean {
  return booking.intent === 'book' && booking.serviceId !== undefined && booking.nextTo?.edge === 'day' && !booking.forSomeoneElse;
}

/** Which part is the request and which the question, when they are of different kinds. */
/**
 * "which of my appts is with dana? cancel that one", "whats on friday, move that to 4": the
 * question asked first names the booking, and the change after it points back at it ("that
 * one", "it") with no booking words of its own. The change takes the question's person,
 * service and day as its booking's; the question is answered by doing it.
 */
function pointedByQuestion(request: Understanding, question: Understanding): Understanding | undefined {
  if (!CHANGES.includes(request.intent) || question.intent !== 'my_appointments' || !request.refersToShown) return undefined;
  if (request.serviceId || request.staffId || request.apptWhen || request.allBookings || request.order !== undefined) return undefined;
  if (request.intent === 'cancel' && request.when) return undefined;
  if (!question.staffId && !question.serviceId && !question.when) return undefined;
  const named: Understanding = { ...request };
  if (question.serviceId) named.serviceId = question.serviceId;
  if (question.staffId) named.staffId = question.staffId;
  if (question.when) {
    if (request.intent === 'cancel') named.when = question.when;
    else named.apptWhen = question.when;
  }
  if (question.staffId && request.intent === 'reschedule') named.staffNamesBooking = true;
  return named;
}

function pairOf(intent: Intent, a: Understanding, b: Understanding): { request: Understanding; question: Understanding } | undefined {
  if (a.intent === intent && QUESTIONS.includes(b.intent) && b.intent !== intent) return { request: a, question: b };
  if (b.intent === intent && QUESTIONS.includes(a.intent) && a.intent !== intent) return { request: b, question: a };
  return undefined;
}

// "a color friday at 9 and a haircut right after": two services joined as two bookings.
const AND_THEN = /\b(?:and|then|plus|also|&)\b/g;
const NOT_BOTH = /\b(not|no|instead|rather|nevermind|never mind|actually|or)\b/;

/**
 * Two bookings in one text, each part naming one service: the services in the order said.
 * The provider books the first and asks about the second afterwards (one booking at a time).
 */
export function twoBookings<S>(text: string, matchServices: (text: string) => S[]): [S, S] | undefined {
  for (const m of text.matchAll(AND_THEN)) {
    const tail = text.slice(m.index + m[0].length);
    if (NOT_BOTH.test(tail)) continue;
    const first = matchServices(text.slice(0, m.index));
    const second = matchServices(tail);
    if (first.length === 1 && second.length === 1 && first[0] !== second[0]) return [first[0]!, second[0]!];
  }
  return undefined;
}

import { DateTime } from 'luxon';

// Every sentence the orchestrator and the offline provider send to customers lives here,
// so it can be reviewed in one place and scanned by tests (no carrier opt-out word is
// ever given as an instruction: customers confirm with Y, cancel with C, reschedule with R).
// Replies stay short: an SMS segment is 160 GSM-7 characters.

/** "Tue Dec 1, 3:00 PM" in the given zone. */
export function formatWhen(start: Date, timeZone: string): string {
  return DateTime.fromJSDate(start, { zone: timeZone }).toFormat('ccc LLL d, h:mm a');
}

/** "$40.00" from cents: how every reply writes a price. */
export function formatPrice(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** "Tue Dec 1, 3:00 PM with Dana" — the offer label channels rely on; "3:00 PM PST" with `withZone`. */
export function formatSlotLabel(start: Date, timeZone: string, staffName?: string, withZone = false): string {
  const when = withZone ? `${formatWhen(start, timeZone)} ${DateTime.fromJSDate(start, { zone: timeZone }).toFormat('ZZZZ')}` : formatWhen(start, timeZone);
  return staffName ? `${when} with ${staffName}` : when;
}

export function numbered(lines: string[]): string {
  return lines.map((l, i) => `${i + 1}) ${l}`).join('\n');
}

export const T = {
  greeting: (business: string) => `Hi! This is ${business}. I can book, reschedule (R) or cancel (C) appointments. What would you like?`,
  help: (business: string) =>
    `${business}: tell me what you'd like to book and when (e.g. "haircut tomorrow 3pm"). Reply R to reschedule, C to cancel, AGENT for a person.`,
  /** The engine's reason a length or party size cannot be booked (internal bookables), then what to do. */
  sizeRefused: (why: string) => `${why} Tell me another length or number of people.`,
  onTheWay: 'Thanks for letting us know, see you soon! If you need another time, reply R.',
  notUnderstood: 'Sorry, I did not catch that. Tell me a service and a day, or reply R to reschedule, C to cancel, AGENT for a person.',
  askService: (names: string[]) => `Which service would you like?\n${numbered(names)}`,
  askWhen: (service: string) => `When would you like your ${service}? (e.g. "tomorrow afternoon" or "Fri 10am")`,
  offersIntro: (service: string) => `Openings for ${service}:`,
  latestIntro: (service: string) => `The latest openings for ${service}:`,
  offersNoneInRange: (service: string) => `No openings for ${service} then. The nearest ones:`,
  offersOutro: 'Reply with a number, or tell me another day or time.',
  beyondHorizon: (service: string, days: number, until: string) =>
    `Sorry, ${service} can be booked up to ${days} days ahead (through ${until}), so that is too far out for now. Text us closer to the date, or ask for another day.`,
  noAvailability: (service: string) => `Sorry, there are no openings for ${service} in the coming weeks. Reply AGENT and our team will help.`,
  unknownService: 'Sorry, we do not offer that. Reply HELP to see what I can do.',
  offerNotFound: 'That time is no longer available to pick. Here is what I can offer instead.',
  offerPickAgain: 'Please pick one of the numbered times.',
  intakeIntro: 'A few quick questions first.',
  intakeInvalid: (why: string) => `Sorry, ${why}`,
  intakeSkipHint: 'You can reply SKIP to leave it for our team.',
  proposeBook: (service: string, when: string, where: string) => `Book ${service} on ${when} at ${where}? Reply Y to confirm or N to change.`,
  proposeReschedule: (service: string, from: string, to: string) => `Move your ${service} from ${from} to ${to}? Reply Y to confirm or N to keep it.`,
  proposeCancel: (service: string, when: string) => `Cancel your ${service} on ${when}? Reply Y to confirm or N to keep it.`,
  proposeCancelSeveral: (items: string[]) => `Cancel these appointments?\n${items.join('\n')}\nReply Y to cancel all ${items.length} or N to keep them.`,
  booked: (service: string, when: string) => `Booked: ${service}, ${when}. Reply R to reschedule or C to cancel.`,
  requested: (service: string, when: string) => `Requested: ${service}, ${when}. Our team will confirm it with you shortly.`,
  requestedIncomplete: (service: string, when: string) =>
    `Requested: ${service}, ${when}. Some answers are missing, so our team will check in and confirm.`,
  rescheduled: (service: string, when: string) => `Done: your ${service} is now ${when}.`,
  /** The same words the SMS, Slack and Teams confirmations use for the link. */
  withCalendar: (message: string, url: string | null) => (url ? `${message}\nCalendar: ${url}` : message),
  canceled: (service: string, when: string) => `Your ${service} on ${when} is canceled.`,
  lateCancelNote: 'Note: this is inside the cancellation window.',
  declined: 'OK, nothing was changed. Tell me another time, or reply HELP.',
  proposalGone: 'That confirmation is out of date, so nothing was changed. Tell me what you would like to do.',
  slotTaken: 'Sorry, that time was just taken.',
  commitFailed: (why: string) => `Sorry, that did not go through: ${why}`,
  noAppointments: 'You have no upcoming appointments. Want to book one?',
  yourAppointments: 'Your upcoming appointments:',
  whichAppointment: (verb: 'reschedule' | 'cancel') => `Which one would you like to ${verb}? Reply with its number.`,
  askNewTime: (service: string) => `When would you like to move your ${service} to?`,
  handoff: 'I have passed this to our team; someone will reply here soon.',
  handedOffWaiting: 'Our team has your message and will reply here soon.',
  handoffAfterFailures: 'Sorry, I am having trouble with this. I have passed it to our team; someone will reply here soon.',
  emptyMessage: 'I did not get any text. Tell me what you would like to book, or reply HELP.',
  tooLong: 'That message is long; I read only the start of it.',
  internalError: 'Sorry, something went wrong on our side. Please try again in a moment, or reply AGENT for a person.',
  businessUnknown: 'Sorry, booking is not set up yet.',
  refusal: 'I can only help with your own appointments.',
} as const;

export const CHOICE_LABELS = { confirm: 'Confirm', change: 'Change', keep: 'Keep it', cancelIt: 'Cancel it' } as const;

export const T2 = {
  giftCards: 'For gift cards, please contact the salon:',
  askAnotherTime: 'OK. Tell me another day or time that works for you.',
  anythingElse: 'OK. Anything else I can help with?',
  /** "great thanks see you then!": a goodbye, answered with one. */
  signOff: 'Thanks, see you then! Text us anytime if anything changes.',
  /** "a cut on nov 30" said after Nov 30: that day is over. */
  dayPassed: (day: string) => `Sorry, ${day} has already passed. Tell me another day or time that works for you.`,
  /** "forget it" while a booking was being set up. */
  nothingBooked: 'OK, I have not booked anything. Anything else I can help with?',
  /** "nvm, just the cut" at a color placed beside that cut: the new one is dropped, the booking had stays. */
  onlyBookedKept: (service: string) => `OK, no ${service} then: I have not booked it, and your appointment stays as it is. Anything else I can help with?`,
  /** Before the intake questions of a time proposed at once (no list showed it). */
  holding: (service: string, when: string, where: string) => `Holding ${service} on ${when} at ${where} for you.`,
  /** After answering a question asked while a summary waits for its yes. */
  /** "cancel my haircut and book a color instead": a move keeps the service, so it is not one. */
  moveKeepsService: (from: string, to: string) => `A move keeps the service, so your ${from} cannot become a ${to}. Reply C to cancel it, then tell me when you would like the ${to}.`,
  summaryStillOpen: 'The summary above is still open: reply Y to confirm or N to change.',
  /** After answering a question asked while numbered times wait for a pick. */
  offersStillOpen: 'The times above are still open: reply with a number, or tell me another day or time.',
  /** "what time was that again?" asked during the intake questions: the time being held. */
  beingBooked: (label: string) => `You are booking ${label}.`,
  /** A time (and person) asked with no service: the question says it back, so the customer sees it was heard. */
  askServiceFor: (names: string[], label: string) => `Which service would you like on ${label}?\n${numbered(names)}`,
  servicesList: (lines: string[]) => `We offer:\n${numbered(lines)}\nWhich would you like?`,
  /** The services in one line, when the customer is asked something else next. */
  servicesOffered: (lines: string[]) => `We offer: ${lines.join(', ')}.`,
  /** "do you do nails": not in the catalog, so say so (naming it when the customer's words allow) and show what is. */
  notOffered: (lines: string[], what?: string) => `Sorry, we do not offer ${what ?? 'that'}. We offer:\n${numbered(lines)}\nWhich service would you like?`,
  /** "who is this?": the business the customer is texting, and what the bot does. */
  whoWeAre: (business: string) => `This is ${business}. I can book, move or cancel your appointments by text.`,
  /** "are you open sunday?": the day asked about, at one location or (with `where`) at each. */
  dayHours: (day: string, hours: { opens: string; closes: string } | null, where?: string) =>
    `${where ? `${where}: ` : ''}${hours ? `On ${day} we open at ${hours.opens} and close at ${hours.closes}.` : `We are closed on ${day}.`}`,
  /** "where is my appt on friday": the appointment and its location's address. */
  appointmentPlace: (label: string, place: string) => `Your ${label} is at ${place}.`,
  /** A time asked for while the business is closed ("we close at 6 PM on Fridays"), before the nearest openings. */
  closedThen: (service: string, why: string) => `No openings for ${service} then: ${why}. The nearest ones:`,
  /** A named staff member with no opening in the window asked: the other qualified staff's times. */
  staffNotFree: (staff: string, service: string) => `${staff} has no openings for ${service} then. Openings with someone else:`,
  /** Shown instead of model text that claimed a booking outcome: the committed record. */
  onRecord: (labels: string[]) => `Booked for you: ${labels.join('; ')}.`,
  nothingOnRecord: 'Nothing is booked for you yet.',
  /** A question about one booking answered beside another request ("cancel the color and when is the haircut"). */
  youHave: (labels: string[]) => `You have: ${labels.join('; ')}.`,
  /** Two bookings asked at once: one at a time, the second asked about once the first is booked. */
  oneAtATime: (first: string, second: string) => `One at a time: first the ${first}. Once it is booked, tell me when you would like the ${second}.`,
  /** "a cut and highlights, both fri at 10": the second proposed at the first's time once it is booked. */
  oneThenSameTime: (first: string, second: string) => `One at a time: first the ${first}, then the ${second} at the same time.`,
  /** "switch my color to a cut": the booking canceled first, then the other service proposed in its place. */
  swapPlan: (from: string, to: string) => `To make your ${from} a ${to}: first the ${from} is canceled, then the ${to} is proposed in its place, each on its own yes.`,
  /** Several people in one text ("me and my son both need cuts at 2"): each booked in turn, each on its own yes. */
  partyPlan: (service: string, size: number, how: 'together' | 'in turn' | 'times') =>
    `${size}${service ? ` ${service}` : ''} bookings, ${{ together: 'at the same time (each with their own stylist)', 'in turn': 'one right after the other', times: 'each at the time you said' }[how]}: proposed one at a time, say yes to each (or yes to all). First:`,
  /** "what do i have thursday" with nothing that day: said, then what there is. */
  nothingThen: 'Nothing is booked for you then.',
  /** "cancel dec 22 color" once that color is canceled: said so, nothing else proposed. */
  alreadyCanceled: (labels: string[]) => `Already canceled: ${labels.join('; ')}. Nothing else was changed.`,
  /** A cancel naming a booking the customer does not have: none is proposed in its place. */
  noSuchBooking: 'I do not see a booking that fits that, so nothing was canceled.',
  /** "how long does the color take?": the catalog's length of the service. */
  takes: (service: string, minutes: number) => `${service} takes ${minutes} minutes.`,
  /** The same asked with no service known: each service's length. */
  lengths: (lines: string[]) => `How long each takes: ${lines.join(', ')}.`,
  lengthNotListed: 'I do not have the length of that service; our team can tell you.',
  /** "is the consultation free?" with no price in the catalog: neither free nor a price is claimed. */
  priceNotListed: (service: string) => `No price is listed for ${service}, so I cannot say what it costs or if it is free; our team can tell you.`,
  /** Another person's booking: only the sender's own can be seen or changed from this number. */
  onlyOwn: (contact: string) => `I can only see or change appointments booked from this number, so nothing was changed. They can text us from their own phone, or contact us: ${contact}`,
} as const;

/** What an engine rule refusal means to a customer. */
export const RULE_TEXT: Record<string, string> = {
  unknown_service: 'that service is not offered.',
  inactive_service: 'that service is not offered right now.',
  min_notice: 'that is too soon to book.',
  max_horizon: 'that is too far ahead to book.',
  outside_hours: 'that is outside our hours.',
  not_eligible: 'no one can do that service then.',
  daily_limit: 'that day is fully booked.',
  off_grid: 'that is not a bookable start time.',
  territory: 'we do not serve your area from that location.',
  language: 'no one who speaks your language is free then.',
  hold_expired: 'the time was held too long.',
  invalid_transition: 'that appointment can no longer be changed.',
  not_found: 'I could not find that appointment.',
  duration: 'it cannot be booked for that long.',
  capacity: 'no room is big enough for that many people.',
};

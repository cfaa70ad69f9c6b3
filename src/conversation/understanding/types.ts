// The shapes the understanding modules share: index.ts reads with them and the parsers
// (services.ts, when.ts) return them, so they live apart from both.

/** A booking's place in time: an index from the soonest (negative from the last), or the one in the middle of an odd count. */
export type BookingOrder = number | 'middle';

export type Intent =
  | 'book' | 'reschedule' | 'cancel' | 'my_appointments' | 'business_info' | 'help' | 'human'
  | 'confirm' | 'decline' | 'choose' | 'provide_info' | 'greeting' | 'unknown';

export const INTENTS: readonly Intent[] = [
  'book', 'reschedule', 'cancel', 'my_appointments', 'business_info', 'help', 'human',
  'confirm', 'decline', 'choose', 'provide_info', 'greeting', 'unknown',
];

export interface ServiceCatalogEntry { id: string; name: string; slug: string; synonyms: string[] }
export interface StaffEntry { id: string; name: string }
export interface DateRange {
  from: Date;
  to: Date;
  /** true when the customer named a specific time, e.g. "3pm" */
  exactTime: boolean;
  /** "earliest"/"asap"/"soonest" */
  earliest?: boolean;
  /** "latest"/"last appointment": the offers start from the end of the window */
  latest?: boolean;
  /** false when only a time of day was said ("after 4", "3pm"): the day is the one being discussed */
  dayNamed?: boolean;
  /** the day was said by its weekday alone ("4:30 monday"): no date, no "this" or "next" */
  weekdayOnly?: boolean;
  description: string;
}

/** A time relative to a booking or to the window being discussed. */
export interface Shift {
  /** "an hour later" = 60, "30 min earlier" = -30 */
  minutes: number;
  /** "same time next week" / "the week after" = 7 */
  days: number;
  /** "same time": the reference's time of day, on the day said (or the reference's day) */
  sameTime: boolean;
  /** "earlier that day", "later in the day": any time on the reference's own day, before or after it */
  sameDay?: 'earlier' | 'later';
  /** "the following saturday", "the friday after": the first such weekday (1 = Monday) after the reference's day */
  weekday?: number;
}

export interface Understanding {
  intent: Intent;
  /** secondary signal for mixed messages like "yes but make it 3pm": 'confirm' | 'decline' | undefined */
  answer?: 'yes' | 'no';
  serviceId?: string;
  staffId?: string;
  /** "with dana, if she's busy lee is fine": who may do it when the one asked for is not free then */
  fallbackStaffId?: string;
  /** "a cut with whoever does the color": the service whose person is asked for (the caller learns who that is) */
  staffOfService?: string;
  when?: DateRange;
  choiceIndex?: number;
  choiceTime?: { hour: number; minute: number };
  /** "the latest", "the earliest": the offer latest or earliest in time, wherever it is listed */
  choiceByTime?: 'latest' | 'earliest';
  /** the pick was a number alone ("3", "3 is perfect"): it may name the 3:00 offer rather than the third */
  numberMayBeHour?: boolean;
  infoTopic?: 'hours' | 'address' | 'policies' | 'contact' | 'booking_window' | 'staff';
  email?: string;
  number?: number;
  /** the customer asked which services exist or what they cost (intent 'business_info') */
  asksServices?: boolean;
  /** "who is this?", "what place is this": who the customer is texting (the business's name). */
  asksWho?: boolean;
  /** a time said relative to an existing booking or the window on screen */
  shift?: Shift;
  /** the booking is for someone else too ("same time for my son"): a new booking, never a move */
  forSomeoneElse?: boolean;
  /** services that fit the words equally well ("cut" with Men's and Women's cut): ask which */
  serviceChoices?: string[];
  /** in a move that names two dates ("my thursday appt to friday at 10"): the appointment's, while `when` is the new time */
  apptWhen?: DateRange;
  /** the message drops what was being asked for a new request ("nevermind, book a color instead") */
  abandons?: boolean;
  /** asked whether a service exists that the catalog does not have ("do you do nails") */
  notOffered?: boolean;
  /** the words that named it ("nails"), when short enough to repeat back */
  notOfferedName?: string;
  /** a question that also asks for a booking ("haircut tmrw 3pm and what's your address"): answer, then book */
  alsoBooks?: boolean;
  /** any qualified staff member will do ("whoever is fine"): drop a staff preference */
  anyStaff?: boolean;
  /** a time said as a change ("can we do friday at 11 instead"): a move when the customer has a booking */
  changesBooked?: boolean;
  /** "is it too late to move my friday appt?": a rules question about moving a booking, whose new time may come next. */
  moveAsked?: boolean;
  /** a cancel that books another service in its place ("cancel my haircut, i want a color instead"): that service */
  replacedBy?: string;
  /** the message is about another person's booking ("cancel my wife's color") */
  othersBooking?: boolean;
  /** the staff member named says which booking is moved ("move my appt with lee to 4"), not who does the new time */
  staffNamesBooking?: boolean;
  /** "my cut with dana to sat w lee": the person the booking moved is with, when another (`staffId`) is asked for its new time */
  bookedStaffId?: string;
  /** a second request said after this change ("cancel my color and move my cut to friday"): its words, taken up once this one is committed */
  then?: string;
  /** "cancel my wed appt and book me a color tues at 10 instead": a move if that booking is of the service named, else it is canceled and these words asked once it is. */
  orCancelThen?: string;
  /** a question asked in the same message as a request ("move it to friday and what's your address"): answered too */
  also?: Understanding;
  /** a new booking placed by one the customer has ("right after my haircut thursday"): which one (service, day) and where */
  nextTo?: { edge: 'start' | 'end' | 'day' | 'same'; minutes: number; days?: number; weekday?: number; serviceId?: string; day?: DateRange; person?: 'self' | 'other'; loose?: boolean };
  /** "book the same thing for the 10th": the service (and time of day) of the booking last made, moved or canceled */
  sameAsBefore?: boolean;
  /** several people booked in one text, the customer among them ("me and my son both need cuts"): how many, and at once or one after the other */
  party?: { size: number; together: boolean; times?: string[]; services?: string[] };
  /** the services a price question names side by side ("color vs a cut", "cut or color"), when more than one */
  pricesAsked?: string[];
  /** a second service booked in the same text ("a color at 9 and a haircut right after"): asked about after the first */
  secondServiceId?: string;
  /** a cancel (or move) of every booking meant ("cancel both", "all of them", "move both our haircuts"), not of one */
  allBookings?: boolean;
  /** a cancel of several bookings named one by one ("my color on friday and the haircut on the 10th") */
  targets?: BookingTarget[];
  /** which booking by its place in time ("my next appointment" 0, "the later one" -1, "#2" 1, "the middle one") */
  order?: BookingOrder;
  /** "one of my saturday cuts": several bookings are on the weekday said; it names each of them (which-booking.ts). */
  severalOnWeekday?: boolean;
  /** another booking than the one on screen ("no i meant friday's color") */
  meantOther?: boolean;
  /** "just the haircut, keep the color" at a summary: one booking of several, the others kept (only-one.ts) */
  onlyOne?: boolean;
  /** "cancel that one", "move it": the appointment the last answer was about, when it was about one */
  refersToShown?: boolean;
  /** "3:30 that day": the time is on the day the customer asked about (that-day.ts). */
  thatDay?: boolean;
  /** "with the same stylist": the person of the booking named (same-staff.ts). */
  sameStaff?: boolean;
  /** the last request again for another booking ("and the color on monday too") */
  continues?: boolean;
  /** two clock times offered as alternatives ("10 or 10:30"): `when` has only the first */
  eitherTime?: boolean;
  /** "how long does the color take": the service's length is asked (intent 'business_info') */
  asksDuration?: boolean;
  /** "confirm", "yes i'll be there": a yes read as a check of the booking there is (with none, it is not understood) */
  checksBooking?: boolean;
  /** "whats ur address and email": a second topic asked beside `infoTopic` */
  alsoTopic?: 'hours' | 'address' | 'contact';
  /** "whats ur address and how much is a cut": the service's price asked beside `infoTopic` */
  alsoPrice?: boolean;
  /** "how much is my appt monday gonna cost": what the booking asked about (intent 'my_appointments') will cost */
  pricesBooked?: boolean;
  /** "great thanks see you then!": a goodbye (intent 'greeting') that asks nothing, so nothing is listed (sign-off.ts) */
  signsOff?: boolean;
  /** "do u sell gift cards": the contact answer (infoTopic 'contact') is said to be for them */
  giftCards?: boolean;
}

/** One booking a text names: by its service, its day or time, or both. */
export interface BookingTarget {
  serviceId?: string;
  when?: DateRange;
}

export type Expecting = 'choice' | 'confirmation' | 'intake' | 'service' | 'time' | null;

/** An offer list, a summary or an intake question is on screen: the customer's words are about it first. */
export function answersOnScreen(expecting: string | null): boolean {
  return expecting === 'confirmation' || expecting === 'choice' || expecting === 'intake';
}

export interface UnderstandContext {
  now: Date;
  timeZone: string;
  services: ServiceCatalogEntry[];
  staff?: StaffEntry[];
  expecting?: Expecting;
  /** how many numbered offers are on screen when expecting 'choice'; bounds "option 7" */
  optionCount?: number;
  /** the offers were looked at but never shown (a time named was proposed at once): "hmm or maybe 2?" names no option */
  offersUnseen?: boolean;
}

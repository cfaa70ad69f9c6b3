// "can i change an appointment", "need to move one of my cuts", "i wanna switch one of my appts
// around", "can i change my cut?": a change of a booking the customer has, asked before saying
// which one or to when. Read as a new booking, the customer would be asked for a service or
// shown openings and end up with two bookings; read as a move, they are asked which booking
// and its new time.

const VERB = String.raw`(?:change|changing|move|moving|push|pushing|bump|bumping|postpone|postponing|switch|switching|swap|swapping|shift|shifting|modify|modifying|edit|adjust|rearrange|redo)`;
const BOOKING = String.raw`(?:appointments?|appts?|bookings?|reservations?|sessions?|visits?)`;

// "change an appointment", "move one of my bookings", "switch the appt", "modify my reservation".
// Only the customer's own or one not yet named: "change her appointment" is someone else's (around-booking.ts).
export const CHANGE_OF_BOOKING = new RegExp(
  String.raw`\b${VERB} (?:(?:an?|one|my|our|the|this|that|(?:one|some|either|any) of (?:my|our|the|them)) )?(?:[\w']+ )?${BOOKING}\b` +
    // "move one of my cuts", "switch one of them": one of several the customer has, whatever it is called.
    String.raw`|\b${VERB} (?:one|some|either|any) of (?:my|our|them)\b`,
);

// "can i change my cut", "need to swap my color pls", "could i change my trim around?": the verb and
// the customer's own service, nothing after it but a please or "around" (never "change my hair color").
const OWN_SERVICE_CHANGED = new RegExp(String.raw`\b(?:change|swap|modify|rearrange) (?:my|our) (?<what>[\w']+(?: [\w']+)?)(?: (?:around|up|pls|please|plz|if possible|if thats? ok(?:ay)?))*$`);

/** "can i change my cut": the change of a booking of a service the words name (`isService` says which words do). */
export function changesOwnService(s: string, isService: (words: string) => boolean): boolean {
  const what = OWN_SERVICE_CHANGED.exec(s)?.groups?.what;
  return what !== undefined && !/\bhair\b/.test(what) && isService(what);
}

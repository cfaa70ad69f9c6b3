// "could i switch my thursday cut with dana to sat the 12th at 11 w lee", "move my appt w dana to
// friday, with lee this time": the person said with the booking names which one moves
// (around-booking.ts staffNamesBooking); another person said after that one is who does the new
// time. Read as one person, the move would look for the booking's person at the new time.
import { simplify, words } from './text.ts';
import type { StaffEntry } from './types.ts';

const firstName = (member: StaffEntry): string => words(simplify(String(member.name ?? '')))[0] ?? '';

/** The other person asked for the new time, said after the booking's person ("... with dana to sat w lee"); undefined if none. */
function askedAfter(s: string, booked: StaffEntry, staff: readonly StaffEntry[]): StaffEntry | undefined {
  const at = new RegExp(String.raw`\b${firstName(booked)}\b`).exec(s);
  if (!at) return undefined;
  const rest = s.slice(at.index + at[0].length);
  return staff.find((m) => m.id !== booked.id && firstName(m) !== '' && new RegExp(String.raw`\b(?:with|w|by|see|to) ${firstName(m)}\b`).test(rest));
}

/**
 * The person whose booking is moved and the one asked for its new time, when the words name both;
 * `namesBooking` says whether a first name is said as the booking's ("my appt with dana to ...").
 */
export function staffOfBookingAndNewTime(s: string, staff: readonly StaffEntry[], namesBooking: (s: string, first: string) => boolean): { booked: StaffEntry; asked: StaffEntry } | undefined {
  for (const booked of staff) {
    if (!firstName(booked) || !namesBooking(s, firstName(booked))) continue;
    const asked = askedAfter(s, booked, staff);
    if (asked) return { booked, asked };
  }
  return undefined;
}

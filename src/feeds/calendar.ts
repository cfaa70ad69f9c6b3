import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

// A feed's rows as an RFC 5545 calendar, through ical-generator. Pure: no I/O, no clock.
//
// Times are written in UTC (DTSTART:…Z). The instants are what the database holds, so
// a DST switch cannot shift an event, and no VTIMEZONE has to be kept in step with the
// zone database; calendar clients show UTC times in their user's zone.

/** Who reads the feed decides what it may say about the people in it. */
export type FeedAudience = 'staff' | 'room' | 'location' | 'customer';

/** One appointment as feeds.plans.feedEvents selects it. */
export interface FeedEventRow {
  id: string;
  root_id: string;
  changes: number;
  status: string;
  starts_at: Date;
  ends_at: Date;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  service_name: string;
  location_name: string;
  location_address: string;
  customer_name: string | null;
  staff_names: string[];
  room_names: string[];
}

const STATUS: Record<string, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CONFIRMED,
  canceled: ICalEventStatus.CANCELLED,
};

/** The UID of every appointment in one reschedule chain: the chain's first appointment's id. */
export const eventUid = (rootId: string) => `${rootId}@frontdesk`;

/** The first word of a name: enough to greet someone, not enough to look them up. */
const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] || null;

/**
 * What the event's title says, by audience. A feed URL is a bearer secret that ends up
 * in third-party calendar apps, on shared screens and in synced phones, so each audience
 * gets the least that serves it:
 * - staff: the service and their customer's first name, to know whom they see; never
 *   the full name or phone (those stay in Frontdesk, behind a login);
 * - room and location feeds: the service and who runs it, no customer at all: they are
 *   read by everyone at the front desk or shown outside a room;
 * - customer (their own appointment's link): the service and the staff member, as the
 *   confirmation already says.
 */
function title(row: FeedEventRow, audience: FeedAudience): string {
  const staff = row.staff_names.join(', ');
  if (audience === 'staff') {
    const who = firstName(row.customer_name);
    return who ? `${row.service_name}: ${who}` : row.service_name;
  }
  return staff ? `${row.service_name} with ${staff}` : row.service_name;
}

function description(row: FeedEventRow, audience: FeedAudience): string {
  const lines: string[] = [];
  if (audience !== 'customer' && row.room_names.length) lines.push(`Room: ${row.room_names.join(', ')}`);
  if (row.status === 'requested') lines.push('Requested, not yet confirmed.');
  if (row.status === 'canceled') lines.push(row.cancel_reason === 'rescheduled' ? 'Moved to another time or calendar.' : 'Canceled.');
  if (row.status === 'no_show') lines.push('Marked as a no-show.');
  return lines.join('\n');
}

/**
 * SEQUENCE: the changes recorded along the chain, less the booking itself, so a new
 * appointment is 0 and every move, cancel or status change raises it by at least one.
 */
export const eventSequence = (changes: number) => Math.max(0, changes - 1);

export function renderCalendar({ name, audience, rows }: { name: string; audience: FeedAudience; rows: FeedEventRow[] }): string {
  // PUBLISH: a calendar to subscribe to or import, not an invitation to answer.
  const cal = ical({ name, prodId: { company: 'Frontdesk', product: 'Calendar feed', language: 'EN' }, method: ICalCalendarMethod.PUBLISH, ttl: 15 * 60 });
  for (const row of rows) {
    cal.createEvent({
      id: eventUid(row.root_id),
      sequence: eventSequence(row.changes),
      start: row.starts_at,
      end: row.ends_at,
      // The last change, not the time of the request: an unchanged event reads the same on every poll.
      stamp: row.updated_at,
      lastModified: row.updated_at,
      created: row.created_at,
      summary: title(row, audience),
      description: description(row, audience) || null,
      location: `${row.location_name}, ${row.location_address}`,
      status: STATUS[row.status] ?? ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

import { workingRanges } from './calendar.ts';
import type { DateOverrideRecord, ResourceRecord, WeeklyHoursRecord } from './ports.ts';
import type { AppointmentStatus } from './api.ts';
import { isLive } from './status.ts';

// Which booked appointments a change to a resource would make impossible, decided by
// the same rules that offer and book slots (availability.ts): a resource serves only
// while it is active, an appointment must lie inside one working interval
// of each of its resources (its buffers may spill outside, as when it was booked), and
// time off blocks the appointment's whole blocked range, buffers included.
//
// Only what the change itself breaks is reported: an appointment is judged on the
// resource as it will be after the change, against the new time off only. Past and
// started appointments are left alone; nothing can be moved into the past.

/** A change to one resource, as an admin is about to save it. */
export type ResourceChange =
  | { kind: 'time_off'; start: Date; end: Date }
  | { kind: 'weekly_hours'; weeklyHours: WeeklyHoursRecord[] }
  | { kind: 'date_override'; date: string; intervals: Array<{ startTime: string; endTime: string }> }
  | { kind: 'deactivate' };

/** An appointment that uses the changed resource, with the time it blocks on it. */
export interface BookedOnResource {
  appointmentId: string;
  status: AppointmentStatus;
  start: Date;
  end: Date;
  /** The reservation's range on this resource, buffers included. */
  blockStart: Date;
  blockEnd: Date;
}

export type ImpactReason = 'time_off' | 'outside_hours' | 'inactive';

export interface Impact {
  appointmentId: string;
  reason: ImpactReason;
}

/** The resource as it is after the change (time off is not part of the record: it is a block). */
export function resourceAfter(resource: ResourceRecord, change: ResourceChange): ResourceRecord {
  switch (change.kind) {
    case 'weekly_hours':
      return { ...resource, weeklyHours: change.weeklyHours };
    case 'date_override': {
      // An empty list closes the day; it is stored the way the hours API stores it.
      const rows: DateOverrideRecord[] = (change.intervals.length ? change.intervals : [{ startTime: '00:00', endTime: '00:00' }]).map((i) => ({ date: change.date, ...i }));
      return { ...resource, overrides: [...resource.overrides.filter((o) => o.date !== change.date), ...rows] };
    }
    case 'deactivate':
      return { ...resource, active: false };
    case 'time_off':
      return resource;
  }
}

/** Why the appointment cannot keep the resource after the change, or null when it still can. */
export function impactOn(after: ResourceRecord, change: ResourceChange, booked: BookedOnResource): ImpactReason | null {
  // Inactive resources never serve (eligibility.ts).
  if (!after.active) return 'inactive';
  if (change.kind === 'time_off') {
    const overlaps = change.start < booked.blockEnd && booked.blockStart < change.end;
    return overlaps ? 'time_off' : null;
  }
  const start = booked.start.getTime();
  const end = booked.end.getTime();
  const working = workingRanges(after, start, end);
  for (let i = 0; i < working.length; i += 2) {
    if (working[i]! <= start && end <= working[i + 1]!) return null;
  }
  return 'outside_hours';
}

/** The live, future appointments the change makes impossible, earliest first. */
export function affectedAppointments(input: { resource: ResourceRecord; change: ResourceChange; booked: BookedOnResource[]; now: Date }): Impact[] {
  const after = resourceAfter(input.resource, input.change);
  return input.booked
    .filter((b) => isLive(b.status) && b.start > input.now)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.appointmentId < b.appointmentId ? -1 : 1))
    .flatMap((b) => {
      const reason = impactOn(after, input.change, b);
      return reason ? [{ appointmentId: b.appointmentId, reason }] : [];
    });
}

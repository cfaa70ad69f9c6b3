import { DateTime } from 'luxon';
import type { BookingForm, FormBooked, FormBooking, FormField, FormRefusal, FormRequest, FormTimes } from '../contract/booking-form.ts';
import type { PrismaClient } from '../db/client.ts';
import type { RuleName, Scheduler, Slot } from '../engine/api.ts';
import { allowedDurations } from '../engine/sizing.ts';

// The form booking port (src/contract/booking-form.ts) on the engine: the times offered
// are the engine's slots for the day, length and party size asked; the booking is the
// engine's book() with the same size, as the linked Frontdesk user.

const MAX_TIMES = 100; // Slack shows at most 100 options in a select.

/** Which form field an engine refusal is about. */
const FIELD_OF: Partial<Record<RuleName, FormField>> = {
  duration: 'duration',
  capacity: 'attendees',
  min_notice: 'time',
  max_horizon: 'date',
  outside_hours: 'time',
  off_grid: 'time',
  daily_limit: 'time',
};

const refuse = (field: FormField, message: string): FormRefusal => ({ ok: false, field, message });

export function createBookingForm(deps: { db: PrismaClient; scheduler: Scheduler }): BookingForm {
  const { db, scheduler } = deps;
  const zone = async () => (await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { timeZone: true } }))?.timeZone ?? 'UTC';

  async function day(req: FormRequest): Promise<{ from: DateTime; to: DateTime } | FormRefusal> {
    const from = DateTime.fromISO(req.date, { zone: await zone() });
    if (!from.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(req.date)) return refuse('date', 'Pick a date.');
    if (from.endOf('day') < DateTime.fromJSDate(scheduler.clock())) return refuse('date', 'That day has passed; pick today or later.');
    return { from, to: from.plus({ days: 1 }) };
  }

  return {
    async today() {
      return DateTime.fromJSDate(scheduler.clock(), { zone: await zone() }).toISODate()!;
    },

    async bookables() {
      const services = await db.service.findMany({ where: { active: true }, include: { requirements: true }, orderBy: { name: 'asc' } });
      return services.map((s) => ({
        id: s.id,
        name: s.name,
        durations: allowedDurations(s),
        defaultDuration: s.durationMinutes,
        usesRoom: s.requirements.some((r) => r.kind === 'room'),
      }));
    },

    async times(req): Promise<FormTimes> {
      const range = await day(req);
      if ('ok' in range) return range;
      let slots: Slot[];
      try {
        slots = await scheduler.findSlots({ service: req.bookable, from: range.from.toJSDate(), to: range.to.toJSDate(), durationMinutes: req.durationMinutes, minCapacity: req.attendees });
      } catch (err) {
        const rule = (err as { rule?: RuleName }).rule;
        if (!rule) throw err;
        return refuse(FIELD_OF[rule] ?? 'bookable', (err as Error).message);
      }
      const byStart = new Map(slots.map((s) => [s.start.getTime(), s] as const));
      return { ok: true, times: [...byStart.values()].slice(0, MAX_TIMES).map((s) => ({ value: timeValue(s), label: spanLabel(s.start, s.end, s.timeZone ?? 'UTC') })) };
    },

    async book(req: FormBooking): Promise<FormBooked> {
      const user = await db.user.findUnique({
        where: req.requester.channel === 'slack' ? { slackUserId: req.requester.externalId } : { teamsUserId: req.requester.externalId },
        select: { id: true },
      });
      if (!user) return refuse('bookable', 'Your account is not linked to a Frontdesk user yet; ask an admin to link it.');
      const range = await day(req);
      if ('ok' in range) return range;
      const time = parseTimeValue(req.time);
      if (!time || DateTime.fromJSDate(time.start, { zone: range.from.zoneName! }).toISODate() !== req.date) return refuse('time', 'Pick a time on the chosen day.');
      const booked = await scheduler.book({
        service: req.bookable,
        start: time.start,
        locationId: time.locationId,
        durationMinutes: req.durationMinutes,
        minCapacity: req.attendees,
        requesterUserId: user.id,
        channel: req.requester.channel,
        idempotencyKey: req.idempotencyKey,
        actor: { type: 'user', id: user.id, channel: req.requester.channel },
      });
      if (!booked.ok) {
        if (booked.kind === 'conflict') return refuse('time', 'That time was just taken; pick another.');
        return refuse(FIELD_OF[booked.rule] ?? 'bookable', booked.message);
      }
      const a = booked.appointment;
      const when = `${DateTime.fromJSDate(a.start, { zone: a.timeZone ?? 'UTC' }).toFormat('ccc LLL d')}, ${spanLabel(a.start, a.end, a.timeZone ?? 'UTC')}`;
      const lead = a.status === 'requested' ? 'Requested (waiting for approval)' : 'Booked';
      return { ok: true, appointmentId: a.id, text: `${lead}: ${a.serviceName}, ${when}, ${a.resourceNames.join(', ')}.` };
    },
  };
}

/** A time option's value: the start and its location, so the booking is decided where it was shown. */
function timeValue(s: Slot): string {
  return `${s.start.toISOString()}@${s.locationId}`;
}

function parseTimeValue(value: string): { start: Date; locationId: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)@([0-9a-f-]{36})$/.exec(value);
  if (!m) return null;
  return { start: new Date(m[1]!), locationId: m[2]! };
}

/** "2:00 PM – 3:30 PM" in the location's zone. */
function spanLabel(start: Date, end: Date, zone: string): string {
  const t = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('h:mm a');
  return `${t(start)} – ${t(end)}`;
}

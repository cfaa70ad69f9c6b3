import { DateTime } from 'luxon';
import type { AppointmentFacts } from '../contract/notifier.ts';
import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { AppointmentStatus, Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import { engineActor, factsOf as facts, GONE, mayChange } from './access.ts';
import { rescheduleAsStaff, timesToMove, type MoveAnswer, type MoveTimesAnswer, type StaffMoveDeps } from './move-as-staff.ts';

// What a colleague does to an appointment straight from a chat button (Slack today):
// list the bookings they made and (staff) their schedule today, cancel one, move one on
// their schedule, or record how one of their appointments went. Every change goes through the engine (the Scheduler) as that user; who may do
// what is the permission matrix's `appointments.change` (own: bookings they requested,
// or appointments on their linked staff resource). Pressing twice acts once: a change
// already made is answered as done, unchanged.

export type ChatOutcome = 'completed' | 'no_show';

export type ChatAnswer = { ok: true; facts: AppointmentFacts; changed: boolean } | { ok: false; message: string };

export interface ChatDeskDeps extends StaffMoveDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  clock: Clock;
}

export interface ChatDesk {
  upcomingFor(slackUserId: string): Promise<AppointmentFacts[]>;
  scheduleToday(slackUserId: string): Promise<AppointmentFacts[] | null>;
  cancel(p: { appointmentId: string; actor: OpsActor }): Promise<ChatAnswer>;
  recordOutcome(p: { appointmentId: string; outcome: ChatOutcome; actor: OpsActor }): Promise<ChatAnswer>;
  /** Staff moving an appointment on their schedule (move-as-staff.ts): the times it can move to, then the move. */
  timesToMove(p: { appointmentId: string; actor: OpsActor }): Promise<MoveTimesAnswer>;
  rescheduleAsStaff(p: { appointmentId: string; start: Date; resourceId: string; actor: OpsActor }): Promise<MoveAnswer>;
}

const OUTCOME_WORDS: Record<ChatOutcome, string> = { completed: 'completed', no_show: 'a no-show' };

export function createChatDesk(deps: ChatDeskDeps): ChatDesk {
  const { db, scheduler } = deps;
  return {
    async upcomingFor(slackUserId) {
      const user = await db.user.findUnique({ where: { slackUserId }, select: { id: true } });
      if (!user) return [];
      const page = await scheduler.listAppointments({ requesterUserId: user.id, status: ['requested', 'confirmed'], from: deps.clock(), limit: 10 });
      return Promise.all(page.items.map((a) => facts(db, a.id)));
    },

    async scheduleToday(slackUserId) {
      const user = await db.user.findUnique({ where: { slackUserId }, select: { resourceId: true } });
      if (!user?.resourceId) return null;
      // "Today" is the business's day, whatever the server's zone.
      const business = await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { timeZone: true } });
      const day = DateTime.fromJSDate(deps.clock(), { zone: business?.timeZone ?? 'UTC' }).startOf('day');
      const page = await scheduler.listAppointments({ resourceId: user.resourceId, status: ['requested', 'confirmed'], from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate(), limit: 50 });
      return Promise.all(page.items.map((a) => facts(db, a.id)));
    },

    async cancel({ appointmentId, actor }) {
      const a = await scheduler.getAppointment(appointmentId);
      if (!a) return { ok: false, message: GONE };
      // Their own booking, or one on their staff resource (their schedule), as the matrix's `own` says.
      const may = (await mayChange(db, actor, a, 'requested')) || (await mayChange(db, actor, a, 'staffed'));
      if (!may) return { ok: false, message: 'Only whoever booked it, its staff member, or a manager can cancel this appointment.' };
      if (a.status === 'canceled') return { ok: true, facts: await facts(db, a.id), changed: false };
      const result = await scheduler.cancel(a.id, engineActor(actor), `Canceled in Slack by ${actor.displayName}`);
      if (result.ok) return { ok: true, facts: await facts(db, a.id), changed: true };
      // A second press racing the first: the first canceled it.
      const now = await scheduler.getAppointment(a.id);
      return now?.status === 'canceled' ? { ok: true, facts: await facts(db, a.id), changed: false } : { ok: false, message: result.message };
    },

    async recordOutcome({ appointmentId, outcome, actor }) {
      const a = await scheduler.getAppointment(appointmentId);
      if (!a) return { ok: false, message: GONE };
      if (!(await mayChange(db, actor, a, 'staffed'))) return { ok: false, message: 'Only the staff member of this appointment, or a manager, can record how it went.' };
      const settled = (status: AppointmentStatus): ChatAnswer | null =>
        status === outcome ? null : { ok: false, message: `This appointment is already ${status.replace('_', '-')}; it cannot be marked ${OUTCOME_WORDS[outcome]}.` };
      if (a.status !== 'confirmed') return settled(a.status) ?? { ok: true, facts: await facts(db, a.id), changed: false };
      if (a.start.getTime() > deps.clock().getTime()) return { ok: false, message: 'This appointment has not started yet.' };
      const result = await scheduler.setStatus(a.id, outcome, engineActor(actor));
      if (result.ok) return { ok: true, facts: await facts(db, a.id), changed: true };
      const now = await scheduler.getAppointment(a.id);
      if (now && now.status !== 'confirmed') return settled(now.status) ?? { ok: true, facts: await facts(db, a.id), changed: false };
      return { ok: false, message: result.message };
    },

    timesToMove: (p) => timesToMove(deps, p),
    rescheduleAsStaff: (p) => rescheduleAsStaff(deps, p),
  };
}

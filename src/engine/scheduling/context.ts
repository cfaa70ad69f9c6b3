import type { AppointmentView, RuleName, Slot } from '../api.ts';
import type { Clock } from '../clock.ts';
import type { SchedulingStore } from '../ports.ts';

// What every scheduling step is handed: the storage port, the clock and the few
// settings createScheduler was given. Steps are plain functions of this context.

export interface SchedulerContext {
  store: SchedulingStore;
  clock: Clock;
  /** Default hold length in minutes. */
  holdMinutes: number;
  newId: () => string;
}

export type Failure = { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] } | { ok: false; kind: 'rule'; rule: RuleName; message: string };

export const rule = (r: RuleName, message: string) => ({ ok: false as const, kind: 'rule' as const, rule: r, message });

/** The view of an appointment this request just wrote. */
export async function requireView(ctx: SchedulerContext, id: string): Promise<AppointmentView> {
  const view = await ctx.store.getAppointment(id);
  if (!view) throw new Error(`Appointment ${id} vanished after it was written.`);
  return view;
}

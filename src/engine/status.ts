import type { AppointmentStatus } from './api.ts';

// The one appointment state machine. Anything not listed here is refused.
//   requested → confirmed → completed | no_show
//   requested | confirmed → canceled
// completed, no_show and canceled are final.

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  requested: ['confirmed', 'canceled'],
  confirmed: ['completed', 'no_show', 'canceled'],
  completed: [],
  no_show: [],
  canceled: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

/** Statuses whose time is still held on the calendar (they can be moved or canceled). */
export function isLive(status: AppointmentStatus): boolean {
  return status === 'requested' || status === 'confirmed';
}

import { DateTime } from 'luxon';
import type { TurnEnv } from '../env.ts';
import { parseWhen, type Understanding } from '../understanding/index.ts';
import { matchServices } from '../understanding/services.ts';
import { serviceInPlace } from '../understanding/service-in-place.ts';
import type { Proposal } from '../state.ts';

// "cancel my color" → "Cancel your Color ...?" → "actually can i just change it to a haircut
// instead, same time": the customer still wants the color gone, and a haircut in its place.
// Read as a new booking alone, the haircut would be booked and the color kept: the customer
// double-booked. So the cancel on screen is done (it was asked for, and the change says so
// again), and the other service is asked next, on its own yes, at the canceled one's time
// unless the words name another.

// Readings that ask something else of the booking on screen: "no cancel the haircut instead"
// names another booking to cancel; a question is answered with the cancel kept open.
const SWAP_INTENTS = new Set<Understanding['intent']>(['book', 'reschedule', 'choose', 'confirm', 'unknown']);

/** The request for the service said in place of the booking whose cancel is on screen; undefined if the text asks no such swap. */
export async function swapAtCancel(text: string, u: Understanding, pending: Proposal, env: TurnEnv): Promise<string | undefined> {
  // "no i meant the color instead": another booking to cancel, not a service in this one's place.
  if (pending.kind !== 'cancel' || u.forSomeoneElse || u.party || u.meantOther) return undefined;
  const swapsItself = u.intent === 'cancel' && u.replacedBy !== undefined && (u.serviceId === undefined || u.serviceId === pending.serviceId);
  if (!SWAP_INTENTS.has(u.intent) && !swapsItself) return undefined;
  const { services, business } = env.catalog;
  const zone = business.timeZone;
  const swap = serviceInPlace(text, (part) => matchServices(part, services), (part) => parseWhen(part, env.clock(), zone) !== undefined);
  if (!swap || swap.service.id === pending.serviceId) return undefined;
  const name = swap.service.name.toLowerCase();
  if (!swap.time) return `a ${name} at the same time`;
  // "make it a haircut at 2 instead": a time said without a day is on the canceled booking's day.
  if (parseWhen(swap.time, env.clock(), zone)?.dayNamed !== false || !pending.appointmentId) return `a ${name} ${swap.time}`;
  const appt = await env.scheduler.getAppointment(pending.appointmentId);
  return appt ? `a ${name} ${swap.time} on ${DateTime.fromJSDate(new Date(appt.start), { zone }).toFormat('LLL d')}` : `a ${name} ${swap.time}`;
}

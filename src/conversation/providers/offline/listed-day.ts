import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import type { Understanding } from '../../understanding/index.ts';
import { safeJson } from './safe-json.ts';
import type { ProviderView } from '../types.ts';
import { lastToolCalled, type ListedAppointment } from './which-appointment.ts';

// "whens my color" answered with the one booking, then "ok and can i get a haircut that same
// day at 2": the day is the booking just shown, not today. Read on its own, "that day" names no
// date, so the time would be searched today; the reply before it says which day was meant.

// "that day", "the same day", "that same day" (never "the day after" or "that same time").
const THAT_DAY = /\b(?:that|the) (?:same )?day\b(?! (?:after|before)\b)|\bsame day\b(?! as\b)/i;

/** The one appointment the last reply showed, right after the customer's appointments were listed. */
function oneShown(history: ChatMessage[]): ListedAppointment | undefined {
  if (lastToolCalled(history) !== 'list_my_appointments') return undefined;
  let i = history.length - 1;
  while (i >= 0 && history[i]!.role !== 'user') i--;
  let said: string | undefined;
  for (i--; i >= 0; i--) {
    const m = history[i]!;
    if (said === undefined && m.role === 'assistant' && !m.toolCall && m.content) said = m.content;
    if (m.role === 'tool' && m.name === 'list_my_appointments') {
      const items = (safeJson(m.content).appointments ?? []) as ListedAppointment[];
      const shown = said ? items.filter((a) => said!.includes(a.label)) : [];
      return shown.length === 1 ? shown[0] : undefined;
    }
  }
  return undefined;
}

/**
 * A new booking said "that same day" with no date, right after one booking was shown: placed on
 * that booking's day (`nextTo`, edge 'day'), at the time said. Undefined otherwise.
 */
export function onListedDay(view: ProviderView, u: Understanding, text: string, history: ChatMessage[], busy: boolean): Understanding | undefined {
  if (busy || (u.intent !== 'book' && u.intent !== 'confirm') || !u.serviceId || u.nextTo || u.shift) return undefined;
  if ((u.when && u.when.dayNamed !== false) || !THAT_DAY.test(text)) return undefined;
  const appt = oneShown(history);
  if (!appt) return undefined;
  const day = DateTime.fromISO(appt.start_local, { zone: view.timeZone }).startOf('day');
  if (!day.isValid) return undefined;
  const serviceId = view.services.find((s) => s.name === appt.service)?.id;
  const range = { from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate(), exactTime: false, dayNamed: true, description: day.toISODate()! };
  const { answer: _yes, ...rest } = u;
  return { ...rest, intent: 'book', nextTo: { edge: 'day', minutes: 0, ...(serviceId ? { serviceId } : {}), day: range } };
}

import { DateTime } from 'luxon';
import type { OutboundReply } from '../../contract/conversation.ts';
import { isReservedWord } from './keywords.ts';
import { fitToSegments } from './segments.ts';

// Turns the orchestrator's channel-neutral reply into one SMS body: the messages
// as lines, any choice the text does not already offer appended compactly, a note
// naming the zone when the customer may read times in another one, and the whole
// shaped to fit MAX_SEGMENTS (numbered options dropped whole from the end).

export const MAX_SEGMENTS = 3;

// Building an Intl.DateTimeFormat costs far more than formatting with one; a
// deployment has a handful of zones, so each formatter is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneNameFormat(timeZone: string, timeZoneName: 'short' | 'shortGeneric'): Intl.DateTimeFormat {
  const key = `${timeZoneName}:${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName });
    formatters.set(key, f);
  }
  return f;
}

/** The zone's abbreviation at that instant ("EST", "PDT", "GMT+1"). */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  const part = zoneNameFormat(timeZone, 'short').formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A label for the zone without a date: the generic name when it is short ("ET",
 * "PT"), otherwise the abbreviation in force now.
 */
export function zoneLabel(timeZone: string, now: Date): string {
  const generic = zoneNameFormat(timeZone, 'shortGeneric')
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return generic && generic.length <= 3 ? generic : zoneAbbreviation(now, timeZone);
}

/** "Tue Dec 1, 3:00 PM EST" */
export function formatWhenWithZone(start: Date, timeZone: string, withZone = true): string {
  const when = DateTime.fromJSDate(start, { zone: timeZone }).toFormat('ccc LLL d, h:mm a');
  return withZone ? `${when} ${zoneAbbreviation(start, timeZone)}` : when;
}

const TIME_OF_DAY = /\b\d{1,2}:\d{2}\s?(AM|PM)\b/i;

/** Whether a reply names a time of day, the only case in which its zone is noted. */
export function showsTime(reply: Pick<OutboundReply, 'messages'>): boolean {
  return reply.messages.some((m) => TIME_OF_DAY.test(m));
}

function offers(text: string, value: string): boolean {
  if (/^\d{1,2}$/.test(value)) return new RegExp(`^\\s*${value}[.)]\\s`, 'm').test(text);
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

export interface RenderOptions {
  /** Set when the customer's zone may differ: times get a note naming the location's zone. */
  zoneNote?: { timeZone: string; now: Date };
  maxSegments?: number;
}

export function renderReply(reply: Pick<OutboundReply, 'messages' | 'choices'>, opts: RenderOptions = {}): string {
  const lines = reply.messages.map((m) => m.trim()).filter(Boolean);
  let text = lines.join('\n');

  // Choices the text does not already spell out. A carrier keyword is never
  // offered as something to type back: it would unsubscribe the customer.
  // Values that are not something a person would type (button payloads such as
  // "confirm:AB12") stay off SMS; the text already says what to reply.
  const typeable = (v: string) => /^[\p{L}\p{N}]{1,12}$/u.test(v);
  const missing = (reply.choices ?? []).filter((c) => typeable(c.value) && !offers(text, c.value) && !isReservedWord(c.value));
  const numbered = missing.filter((c) => /^\d{1,2}$/.test(c.value));
  const worded = missing.filter((c) => !/^\d{1,2}$/.test(c.value));
  const extra: string[] = numbered.map((c) => `${c.value}) ${c.label}`);
  if (worded.length) extra.push(worded.map((c) => `${c.value.toUpperCase()} = ${c.label}`).join(', '));

  // Times that already name their own zone (offers across zones) get no single note.
  const zoned = /\b\d{1,2}:\d{2}\s?(AM|PM) [A-Z][A-Za-z0-9+:-]{1,5}\b/.test(text);
  const note = opts.zoneNote && TIME_OF_DAY.test(text) && !zoned ? `Times are ${zoneLabel(opts.zoneNote.timeZone, opts.zoneNote.now)}.` : null;
  // The note is the last line; trimming drops numbered options first, so it is
  // lost only when the text is too long even without them.
  if (extra.length) text = [text, ...extra].filter(Boolean).join('\n');
  if (note) text = `${text}\n${note}`;
  return fitToSegments(text, opts.maxSegments ?? MAX_SEGMENTS);
}

import type { OutboundReply } from '../../contract/conversation.ts';
import type { SmsInbound } from './inbound-types.ts';
import { zoneMayDiffer } from './phone.ts';
import type { DirectoryStore, LocationZone, SmsDeps } from './ports.ts';
import { renderReply, showsTime } from './render.ts';

// Renders a reply for the texter who will read it: when their zone may differ from
// the location's, times get a note naming the location's zone.

/** Active locations change rarely; they are re-read at most this often. */
const LOCATIONS_TTL_MS = 30_000;

export function createReplyRenderer(deps: Pick<SmsDeps, 'store' | 'clock'>) {
  const zones = zoneResolver(deps.store.directory, deps.clock);
  return async (inbound: SmsInbound, reply: OutboundReply): Promise<string> => {
    const zone = await zones.forReply(reply, inbound.from);
    const note = zone && zoneMayDiffer(inbound.from, zone.phone) ? { timeZone: zone.timeZone, now: deps.clock() } : undefined;
    return renderReply(reply, { zoneNote: note });
  };
}

/**
 * The zone times in a reply are written in. When every active location shares
 * one zone that is the answer, with no per-message query. Otherwise: the location
 * the orchestrator says the reply's times are at, else the one the conversation
 * is about, else that of the customer's next appointment, else unknown (no note).
 */
function zoneResolver(directory: DirectoryStore, clock: SmsDeps['clock']) {
  let cache: { at: number; byId: Map<string, LocationZone>; shared: LocationZone | null } | null = null;

  async function locations() {
    if (cache && Date.now() - cache.at < LOCATIONS_TTL_MS) return cache;
    const rows = await directory.activeLocations();
    const byId = new Map(rows.map((l) => [l.id, l]));
    const zoneSet = new Set(rows.map((l) => l.timeZone));
    cache = { at: Date.now(), byId, shared: zoneSet.size === 1 ? rows[0]! : null };
    return cache;
  }

  return {
    async forReply(reply: OutboundReply, phone: string): Promise<LocationZone | null> {
      const locs = await locations();
      if (locs.shared) return locs.shared;
      // No time of day in the reply: no note, so no zone to look up.
      if (!showsTime(reply)) return null;
      if (reply.locationId && locs.byId.has(reply.locationId)) return locs.byId.get(reply.locationId)!;
      const candidate = reply.conversationId ? await directory.conversationLocation(reply.conversationId) : null;
      if (candidate && locs.byId.has(candidate)) return locs.byId.get(candidate)!;
      const next = await directory.nextAppointmentLocation(phone, clock());
      return next ? (locs.byId.get(next) ?? null) : null;
    },
  };
}

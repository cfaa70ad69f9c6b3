import { T2 } from '../../templates.ts';
import type { ProviderView } from '../types.ts';

// Answers the catalog in view gives without a tool call: how long a service takes, and
// that a service has no price listed (so the bot never says it is free, or what it costs).

/** "Color takes 90 minutes."; with no service known, each service's length. */
export function durationAnswer(view: ProviderView, serviceId: string | undefined): string {
  const named = view.services.find((s) => s.id === serviceId);
  if (named?.durationMinutes) return T2.takes(named.name, named.durationMinutes);
  const timed = view.services.filter((s) => s.durationMinutes);
  return timed.length ? T2.lengths(timed.map((s) => `${s.name}: ${s.durationMinutes} min`)) : T2.lengthNotListed;
}

/** A service known by name whose price the list leaves out: said so, never guessed. */
export function priceNotListed(name: string | undefined, services: Array<{ name: string; price: string | null }>): string | undefined {
  const listed = services.find((s) => s.name === name);
  return listed && !listed.price ? T2.priceNotListed(listed.name) : undefined;
}

import type { UnderstandContext } from '../../understanding/types.ts';
import type { ProviderView } from '../types.ts';

/** How words are read apart from what is on screen: the business's clock, services and staff, no question pending. */
export function readingContext(view: ProviderView): UnderstandContext {
  return { now: new Date(view.now), timeZone: view.timeZone, services: view.services, staff: view.staff, expecting: null };
}

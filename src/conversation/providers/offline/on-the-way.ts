import { T } from '../../templates.ts';
import { onlySaysOnTheWay } from '../../understanding/on-the-way.ts';
import type { ProviderStep } from '../types.ts';

// "omw", "running 10 late sorry!": nothing is asked, so nothing changes; but the customer hears
// that the message arrived, where a reply for a text read as no request would say it was not caught.
export function heardOnTheWay(text: string, step: ProviderStep): ProviderStep {
  if (step.kind !== 'reply' || step.text !== T.notUnderstood || !onlySaysOnTheWay(text)) return step;
  return { ...step, text: T.onTheWay };
}

import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import { formatPrice } from '../templates.ts';

export async function listServices(env: TurnEnv): Promise<ToolOutcome> {
  return {
    failure: false,
    result: {
      ok: true,
      services: env.catalog.services.map((s) => ({
        service: s.slug,
        name: s.name,
        duration_minutes: s.durationMinutes,
        price: s.priceCents === null ? null : formatPrice(s.priceCents),
        description: s.description,
      })),
    },
  };
}

import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import type { ToolArgs } from './definitions.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function businessInfo(env: TurnEnv, args: ToolArgs<'business_info'>): Promise<ToolOutcome> {
  const b = env.catalog.business;
  const loc = env.catalog.locations[0];
  const hours = loc?.hours.length ? loc.hours.map((h) => `${DAYS[h.weekday - 1]} ${to12h(h.start)}-${to12h(h.end)}`).join(', ') : null;
  const parts: Record<string, string | null> = {
    hours: hours ? `Hours: ${hours}` : null,
    address: loc ? `Address: ${loc.name}, ${loc.address}` : null,
    policies: b.policies ? `Policies: ${b.policies}` : null,
    contact: [b.phone && `Phone: ${b.phone}`, b.email && `Email: ${b.email}`, b.website && `Web: ${b.website}`].filter(Boolean).join(', ') || null,
  };
  const keys = args.topic === 'all' ? (['hours', 'address', 'policies', 'contact'] as const) : [args.topic];
  const text = keys.map((k) => parts[k]).filter(Boolean).join('\n') || `Please call ${b.phone ?? 'us'} for details.`;
  return { failure: false, result: { ok: true, topic: args.topic, text } };
}

function to12h(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 || h === 24 ? 'am' : 'pm'}`;
}

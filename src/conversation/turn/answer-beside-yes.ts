import type { TurnEnv } from '../env.ts';
import type { Display } from '../outcome.ts';
import { businessInfo } from '../tools/business-info.ts';
import type { Understanding } from '../understanding/index.ts';

// "yes! also what's the address" at a summary: the yes commits, and the question asked in the
// same text is answered after the booking's line, as a receptionist would ("booked, and we're at ...").
// Only the business's own topics (address, hours, contact, policies) are answered here: they
// need no search and change nothing.

const TOPICS = new Set(['address', 'hours', 'contact', 'policies']);

/** The display of the commit, followed by the answer to the business question asked beside the yes. */
export async function withQuestionAnswered(env: TurnEnv, u: Understanding, display: Display): Promise<Display> {
  const topic = u.infoTopic;
  if (!topic || !TOPICS.has(topic)) return display;
  const out = await businessInfo(env, { topic: topic as 'address' | 'hours' | 'contact' | 'policies' });
  const text = out.failure ? undefined : (out.result as { text?: string }).text;
  return text ? { ...display, messages: [...display.messages, text] } : display;
}

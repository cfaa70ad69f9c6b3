import type { ReplyChoice } from '../contract/conversation.ts';
import { EXCEPTION_TITLES, type ExceptionType } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import { isOpen } from './lifecycle.ts';

// What an exception's alert says to the people who work it (the Slack ops channel's
// parent message): who, what, when, on which channel, the last customer messages, its
// status, and the commands that fit its type and status now. Each choice's value is
// ops:<command>:<exception id>. Read from the record, never from model text.

export interface ExceptionAlert {
  id: string;
  text: string;
  choices: ReplyChoice[];
}

const TITLES = EXCEPTION_TITLES;

const LAST_MESSAGES = 3;

function choicesFor(e: { id: string; type: ExceptionType; status: string; conversationId: string | null; customerId: string | null }): ReplyChoice[] {
  if (!isOpen(e.status as 'open')) return [];
  const c = (kind: string, label: string, style?: ReplyChoice['style']): ReplyChoice => ({ value: `ops:${kind}:${e.id}`, label, ...(style ? { style } : {}) });
  return [
    ...(e.status === 'open' ? [c('take', 'Take it', 'primary')] : []),
    ...(e.type === 'approval_needed' ? [c('approve', 'Approve', 'primary'), c('decline', 'Decline', 'danger')] : []),
    ...((e.type === 'no_slot' || e.type === 'provider_out') && (e.conversationId || e.customerId) ? [c('offer_times', 'Offer new times')] : []),
    ...(e.conversationId || e.customerId ? [c('reply', 'Reply to customer')] : []),
    c('assign', 'Assign to…'),
    c('resolve', 'Resolve'),
    c('dismiss', 'Dismiss', 'danger'),
  ];
}

export async function exceptionAlert(db: PrismaClient, id: string): Promise<ExceptionAlert> {
  const e = await db.exception.findUniqueOrThrow({
    where: { id },
    include: {
      assignee: { select: { name: true } },
      conversation: { select: { channel: true, messages: { where: { direction: 'inbound', text: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LAST_MESSAGES, select: { text: true } } } },
    },
  });
  const customer = e.customerId ? await db.customer.findUnique({ where: { id: e.customerId }, select: { name: true, phone: true } }) : null;
  const lines = [
    `${TITLES[e.type]}: ${e.summary}`,
    `Status: ${e.status}${e.assignee ? ` (${e.assignee.name})` : ''} · raised ${e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${e.conversation ? ` · via ${e.conversation.channel}` : ''}`,
  ];
  if (customer) lines.push(`Customer: ${[customer.name, customer.phone].filter(Boolean).join(' ')}`);
  const said = (e.conversation?.messages ?? []).map((m) => `“${m.text}”`).reverse();
  if (said.length) lines.push(`Last messages: ${said.join(' · ')}`);
  if (!isOpen(e.status) && e.resolution) lines.push(`Closed: ${e.resolution}`);
  return { id: e.id, text: lines.join('\n'), choices: choicesFor(e) };
}

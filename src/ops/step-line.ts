import type { PrismaClient } from '../db/client.ts';

// What a thread reply says about a step a person took on an exception, read from its
// audit row: who, what and on which surface ("Mia resolved this in the admin API:
// duplicate booking"). The ops rooms say it when the step was taken anywhere but in
// that room (src/ops/announce.ts).

export interface StepRow {
  action: string;
  actorId: string | null;
  details: unknown;
}

const WHERE: Record<string, string> = { api: 'in the admin API', web: 'on the ops dashboard', slack: 'in Slack', teams: 'in Teams' };

type Details = { via?: string; displayName?: string; reason?: string; assigneeUserId?: string; messageId?: string; times?: string[] };

async function what(db: PrismaClient, row: StepRow, d: Details): Promise<string> {
  const reason = d.reason ? `: ${d.reason}` : '';
  switch (row.action) {
    case 'assigned': {
      if (d.assigneeUserId === row.actorId) return 'took this';
      const assignee = d.assigneeUserId ? await db.user.findUnique({ where: { id: d.assigneeUserId }, select: { name: true } }) : null;
      return `assigned this to ${assignee?.name ?? 'someone'}`;
    }
    case 'resolved':
      return `resolved this${reason}`;
    case 'dismissed':
      return `dismissed this${reason}`;
    case 'approved':
      return 'approved this';
    case 'declined':
      return `declined this${reason}`;
    case 'replied': {
      const message = d.messageId ? await db.message.findUnique({ where: { id: d.messageId }, select: { text: true } }) : null;
      return message?.text ? `replied to the customer: “${message.text}”` : 'replied to the customer';
    }
    case 'offered_times':
      return `offered the customer ${d.times?.length ?? 'some'} new time${d.times?.length === 1 ? '' : 's'}`;
    default:
      return row.action.replace(/_/g, ' ');
  }
}

/** The step as one line; the surface it was taken on (`via`) is named so a room can tell it was not its own button. */
export async function stepLine(db: PrismaClient, row: StepRow): Promise<{ line: string; via: string | null }> {
  const d = (row.details ?? {}) as Details;
  const who = d.displayName ?? 'Someone';
  const where = d.via && WHERE[d.via] ? ` ${WHERE[d.via]}` : '';
  const done = await what(db, row, d);
  // The reason or the reply follows a colon: the surface goes before it.
  const [verb, ...rest] = done.split(/(?=: )/);
  return { line: `${who} ${verb}${where}${rest.join('')}.`, via: d.via ?? null };
}

import type { NoticeResult } from '../contract/notifier.ts';
import { notifyCustomer, type NotifyCustomerDeps } from './notify-customer.ts';

// A colleague who books in Slack (free text, a direct message, the /book modal) gets
// the confirmation by DM through the Slack notifier, like their reminders. The channel
// does not learn which appointment a conversation turn booked, so after each booking
// turn it asks for the confirmations of this user's bookings made in the last few
// minutes; each is keyed by appointment (notifyCustomer), so asking again, a Slack
// retry or an admin-API confirmation of the same booking sends it once.

/** Bookings older than this were confirmed when they were made (or predate this notice). */
const RECENT_MINUTES = 10;
/** No turn books more than a few: this bounds the work per turn. */
const MAX_PER_TURN = 5;

/** Never throws (as notifyCustomer): a booking that committed is never answered as failed. */
export async function confirmSlackBookings(deps: NotifyCustomerDeps, slackUserId: string): Promise<NoticeResult[]> {
  try {
    return await confirmRecent(deps, slackUserId);
  } catch (err) {
    deps.log.error({ err, channel: 'slack' }, 'could not send the confirmations of a Slack booking');
    return [];
  }
}

async function confirmRecent(deps: NotifyCustomerDeps, slackUserId: string): Promise<NoticeResult[]> {
  const user = await deps.db.user.findUnique({ where: { slackUserId }, select: { id: true } });
  if (!user) return [];
  // created_at is the database's clock: compare it with the database's now, not the app's.
  const [row] = await deps.db.$queryRaw<Array<{ since: Date }>>`SELECT now() - make_interval(mins => ${RECENT_MINUTES}) AS since`;
  const booked = await deps.db.appointment.findMany({
    where: { requesterUserId: user.id, channel: 'slack', status: 'confirmed', createdAt: { gte: row!.since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { id: true },
    take: MAX_PER_TURN,
  });
  const sent: NoticeResult[] = [];
  for (const { id } of booked.reverse()) {
    const result = await notifyCustomer(deps, 'confirmation', id);
    if (result) sent.push(result);
  }
  return sent;
}

import { maskPhone } from '../../log.ts';
import { markOptedOut } from './optout.ts';
import type { OutboundRow, SmsDeps } from './ports.ts';
import { TWILIO_OPTED_OUT, type SmsProvider } from './twilio-provider.ts';

// A claimed outbox row to its outcome: sent, recorded locally (no provider),
// suppressed (opted out), left claimed for the sweeper (outcome unknown), or failed.

/** After this many provider calls a message that still has no answer is failed for ops to follow up. */
const MAX_ATTEMPTS = 5;

/** `recovering`: an earlier claim expired, the provider may already have the message. */
export async function deliverClaimedRow(deps: SmsDeps, provider: SmsProvider | null, row: OutboundRow, recovering: boolean): Promise<void> {
  const { outbox } = deps.store;
  const log = { outboxId: row.id, to: maskPhone(row.to), kind: row.kind, attempt: row.attempts };
  if (provider && recovering) {
    const sid = await provider.findAccepted(row, (sids) => outbox.recordedSids(sids));
    if (sid) {
      deps.log.info({ ...log, sid }, 'sms recovered: Twilio had accepted it before the sender stopped');
      await outbox.settle(row, { status: 'sent', providerMessageId: sid, error: null });
      return;
    }
  }
  const recipient = await deps.store.customers.byPhone(row.to);
  if (recipient?.optedOut) {
    await outbox.settle(row, { status: 'suppressed', error: 'recipient opted out' });
    return;
  }
  if (!provider) {
    deps.log.info({ ...log, segments: row.segments }, 'sms written to the local outbox (Twilio not configured), not sent');
    await outbox.settle(row, { status: 'outbox' });
    return;
  }
  try {
    const { sid, segments } = await provider.send(row);
    deps.log.info({ ...log, sid }, 'sms sent via Twilio');
    await outbox.settle(row, { status: 'sent', providerMessageId: sid, error: null, ...(segments ? { segments } : {}) });
  } catch (err) {
    await settleFailure(deps, row, err);
  }
}

async function settleFailure(deps: SmsDeps, row: OutboundRow, err: unknown): Promise<void> {
  const { code, status } = err as { code?: number; status?: number };
  const error = `${code ?? status ?? 'error'}: ${(err as Error).message}`.slice(0, 500);
  const log = { outboxId: row.id, to: maskPhone(row.to), kind: row.kind, code, status, attempt: row.attempts };
  if (code === TWILIO_OPTED_OUT) {
    await markOptedOut(deps, row.to, 'Twilio error 21610');
    await deps.store.outbox.settle(row, { status: 'suppressed', error });
    return;
  }
  const final = typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
  if (!final && row.attempts < MAX_ATTEMPTS) {
    // Unknown outcome (network, timeout, 5xx) or try-again-later (429): the claim
    // stays; when it expires the sweeper checks with Twilio and re-sends if needed.
    deps.log.warn(log, 'sms send did not complete; the outbox sweeper will check and retry');
    await deps.store.outbox.noteAttemptError(row, error);
    return;
  }
  deps.log.warn(log, 'sms send failed');
  if ((await deps.store.outbox.settle(row, { status: 'failed', error })) && row.appointmentId) await raiseMessageFailed(deps, row, error);
}

export async function raiseMessageFailed(
  deps: Pick<SmsDeps, 'store' | 'ops'>,
  row: Pick<OutboundRow, 'id' | 'kind' | 'appointmentId' | 'conversationId' | 'to'>,
  error: string,
): Promise<void> {
  const customer = await deps.store.customers.byPhone(row.to);
  await deps.ops.raise({
    type: 'message_failed',
    appointmentId: row.appointmentId,
    conversationId: row.conversationId,
    customerId: customer?.id ?? null,
    summary: `An SMS ${row.kind} about this appointment could not be delivered (${error}); contact the customer another way.`,
    details: { outboundMessageId: row.id, error },
    dedupeKey: `outbound:${row.id}`,
    raisedBy: { type: 'system', id: 'sms' },
  });
}

import type { Finished, InboundWork } from './inbound-types.ts';

// A duplicate delivery of a message (a Twilio retry, even a concurrent one) waits
// for the delivery that owns the claim and answers with the same TwiML. A reply
// going out through REST is answered with an empty TwiML so it is never sent twice.

/** A pending row older than this belongs to a process that died; a retry takes it over. */
const STALE_CLAIM_MS = 60_000;
const POLL_MS = 25;

export interface Waiting {
  /** The owner's work when it runs in this process. */
  inflight(): Promise<Finished> | undefined;
  /** Does the work after taking over a stale claim. */
  takeOver(): Promise<Finished>;
}

export async function awaitFirstAnswer(work: InboundWork, id: string, waiting: Waiting): Promise<Finished> {
  const deadline = Date.now() + work.budgetMs;
  for (;;) {
    const own = waiting.inflight();
    if (own) return own;
    const row = await work.store.replies.state(id);
    if (!row) throw new Error('the first delivery of this message failed; Twilio may retry it');
    if (row.segments !== null) return { twiml: row.kind === 'reply' && row.status !== 'suppressed' && row.body ? row.body : null };
    if (row.kind === 'reply_rest') return { twiml: null };
    if (Date.now() - row.updatedAt.getTime() > STALE_CLAIM_MS && (await work.store.replies.takeOverStale(id, row.updatedAt))) return waiting.takeOver();
    if (Date.now() > deadline) return { twiml: null };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

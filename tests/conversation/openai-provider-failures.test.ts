import { describe, expect, it } from 'vitest';
import { ModelRequestFailed, retryAfterMs, retryDelay } from '../../src/conversation/providers/openai/failure.ts';
import { T } from '../../src/conversation/templates.ts';
import type { ScriptedReply } from './support/fake-openai.ts';
import { useOpenAIHarness } from './support/openai-harness.ts';

// A model server that fails the way real ones do: too slow, rate limited, an empty answer,
// an answer cut off at the token limit. Whatever happens, the customer gets a safe reply,
// nothing is written, retries are bounded (one here), and after repeated failures a person
// takes over. Timeouts are proven with answers delayed far beyond the client's timeout
// (minutes against seconds), and attempts are counted by the client, so the outcome never
// depends on machine speed.

const h = useOpenAIHarness();

const NEVER = 600_000;
const FIND: ScriptedReply = { tool: 'find_slots', args: { service: 'haircut', from: '2026-12-02', to: null, exact_time: null, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null } };
const NOTHING_WRITTEN = { appointments: 0, holds: 0, customers: 0 };

/** A script that answers the n-th request (0-based) with answers[n], and later ones with the last. */
function inTurn(...answers: ScriptedReply[]): void {
  h.script(() => answers[Math.min(h.fake.requests.length - 1, answers.length - 1)]!);
}

describe('a slow model', () => {
  it('times out, is retried once, and the customer gets a safe reply with nothing written', async () => {
    inTurn({ ...FIND, delayMs: NEVER });
    const r = await h.say(h.orchestrator({ timeoutMs: 1500, maxRetries: 1 }), 'haircut tomorrow');
    expect(h.attempts).toBe(2);
    expect(r.messages).toEqual([T.internalError]);
    expect(r.handedOff).toBeUndefined();
    expect(await h.counts()).toEqual(NOTHING_WRITTEN);
  });

  it('a retry that answers in time carries on as if nothing happened', async () => {
    inTurn({ ...FIND, delayMs: NEVER }, FIND);
    const r = await h.say(h.orchestrator({ timeoutMs: 5000, maxRetries: 1 }), 'haircut tomorrow');
    expect(h.attempts).toBe(2);
    expect(r.messages[0]).toContain('Openings for Haircut');
  });
});

describe('a rate-limited model (429)', () => {
  it('is retried when retry-after is within the wait cap, and carries on', async () => {
    inTurn({ status: 429, retryAfter: '0' }, FIND);
    const r = await h.say(h.orchestrator({ maxRetries: 1 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(2);
    expect(r.messages[0]).toContain('Openings for Haircut');
  });

  it('is not waited for when retry-after is longer than the cap: a safe reply at once', async () => {
    inTurn({ status: 429, retryAfter: '120' });
    const r = await h.say(h.orchestrator({ maxRetries: 3, maxRetryWaitMs: 2000 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(1);
    expect(r.messages).toEqual([T.internalError]);
    expect(await h.counts()).toEqual(NOTHING_WRITTEN);
  });

  it('is retried a bounded number of times', async () => {
    inTurn({ status: 429, retryAfter: '0' });
    const r = await h.say(h.orchestrator({ maxRetries: 2 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(3);
    expect(r.messages).toEqual([T.internalError]);
    expect(await h.counts()).toEqual(NOTHING_WRITTEN);
  });
});

describe('an empty or cut-off answer', () => {
  it('an empty answer is retried once, then answered safely', async () => {
    inTurn({ empty: true });
    const r = await h.say(h.orchestrator({ maxRetries: 1 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(2);
    expect(r.messages).toEqual([T.internalError]);
    expect(await h.counts()).toEqual(NOTHING_WRITTEN);
  });

  it('an answer with no choices at all is treated the same, and an empty answer followed by a real one carries on', async () => {
    inTurn({ empty: true, noChoices: true }, FIND);
    const r = await h.say(h.orchestrator({ maxRetries: 1 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(2);
    expect(r.messages[0]).toContain('Openings for Haircut');
  });

  it('text cut off at the token limit never reaches the customer and is not retried (it would be cut again)', async () => {
    inTurn({ text: 'Great news, your Haircut is booked for Wednesday at 10:00 AM with Dana, see you then!', truncateAt: 40 });
    const r = await h.say(h.orchestrator({ maxRetries: 1 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(1);
    expect(r.messages).toEqual([T.internalError]);
    expect(JSON.stringify(await h.t.db.message.findMany({ where: { role: 'assistant' } }))).not.toContain('Great news');
    expect(await h.counts()).toEqual(NOTHING_WRITTEN);
  });

  it('a tool call cut off at the token limit is never run', async () => {
    inTurn({ ...FIND, truncateAt: 30 });
    const r = await h.say(h.orchestrator({ maxRetries: 1 }), 'haircut tomorrow');
    expect(h.fake.requests).toHaveLength(1);
    expect(r.messages).toEqual([T.internalError]);
    expect(await h.t.db.message.count({ where: { role: 'tool' } })).toBe(0);
    expect((await h.t.db.conversation.findFirstOrThrow()).state).toMatchObject({ offers: [], proposal: null });
  });
});

describe('repeated failure', () => {
  it('hands the conversation to a person (an exception for staff) after three failed turns, with nothing written', async () => {
    inTurn({ status: 429, retryAfter: '120' });
    const o = h.orchestrator({ maxRetries: 1 });
    const r1 = await h.say(o, 'haircut tomorrow');
    const r2 = await h.say(o, 'hello?');
    expect([r1.handedOff, r2.handedOff]).toEqual([undefined, undefined]);
    expect(await h.t.db.exception.count()).toBe(0);
    const r3 = await h.say(o, 'anyone there?');
    expect(r3.handedOff).toBe(true);
    expect(r3.messages).toEqual([T.handoffAfterFailures]);
    const ex = await h.t.db.exception.findMany();
    expect(ex.map((e) => [e.type, (e.details as { reason?: string }).reason])).toEqual([['human_requested', 'repeated_failures']]);
    expect(await h.t.db.appointment.count()).toBe(0);
    expect(await h.t.db.hold.count()).toBe(0);
    // Handed off, the bot does not ask the model again until staff resolve it.
    const before = h.fake.requests.length;
    const r4 = await h.say(o, 'hello');
    expect(r4.messages).toEqual([T.handedOffWaiting]);
    expect(h.fake.requests).toHaveLength(before);
  });
});

describe('the retry policy', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads retry-after-ms, retry-after in seconds and as an HTTP date', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after': 'Tue, 01 Dec 2026 14:00:05 GMT' }), Date.parse('2026-12-01T14:00:00Z'))).toBe(5000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });

  it('retries what a second request can cure, within the attempts and the wait cap', () => {
    const policy = { maxRetries: 2, maxWaitMs: 2000 };
    const f = (failure: ModelRequestFailed['failure'], retryAfter?: number) => new ModelRequestFailed(failure, 'x', undefined, retryAfter);
    expect(retryDelay(f('rate_limited', 1500), 0, policy)).toBe(1500);
    expect(retryDelay(f('rate_limited', 2500), 0, policy)).toBeNull();
    expect(retryDelay(f('timeout'), 0, policy)).toBe(250);
    expect(retryDelay(f('server_error'), 1, policy)).toBe(500);
    expect(retryDelay(f('empty_answer'), 2, policy)).toBeNull();
    expect(retryDelay(f('truncated'), 0, policy)).toBeNull();
    expect(retryDelay(f('content_filter'), 0, policy)).toBeNull();
    expect(retryDelay(f('rejected'), 0, policy)).toBeNull();
  });
});

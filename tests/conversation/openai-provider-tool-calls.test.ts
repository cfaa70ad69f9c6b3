import { describe, expect, it } from 'vitest';
import { lastUser, toolResultsThisTurn, type ChatRequest } from './support/fake-openai.ts';
import { firstRef, useOpenAIHarness } from './support/openai-harness.ts';

// What the orchestrator does with the tool calls a model sends: one call at a time (the
// rest are not run, and the model sees the first one's result before it asks again), and
// malformed arguments, wrong-typed arguments and unknown tools refused with an error the
// model can read and recover from. Each case is judged on the database and on what the
// customer reads; each refusal is checked by its error code, so removing the check (the
// call would then fail as an internal error, or run) fails the test.

const h = useOpenAIHarness();

const FIND_HAIRCUT = { service: 'haircut', from: '2026-12-02', to: null, exact_time: null, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null };

/** The tool calls the model was shown as made since the customer's last message. */
function callsThisTurn(req: ChatRequest): string[] {
  let i = req.messages.length - 1;
  while (i >= 0 && req.messages[i]!.role !== 'user') i--;
  return req.messages.slice(i + 1).flatMap((m) => (m.tool_calls ?? []).map((c) => c.function.name));
}

/** The error the model read after its first call this turn. */
function firstErrorSeen(): { code: string; message: string } {
  const second = h.fake.requests[1];
  if (!second) throw new Error('the model was not asked again after its first call');
  const result = toolResultsThisTurn(second)[0]!.result as { ok: boolean; error?: { code: string; message: string } };
  expect(result.ok).toBe(false);
  return result.error!;
}

/** A model that makes one bad call, then, having read the error, the right one. */
function badCallThenRecover(bad: { tool: string; args: Record<string, unknown> | string }) {
  h.script((req) => (toolResultsThisTurn(req).length ? { tool: 'find_slots', args: FIND_HAIRCUT } : bad));
}

describe('several tool calls in one answer', () => {
  it('runs only the first of five, shows the model its result, and runs nothing it was not asked one at a time', async () => {
    await h.bookExisting('+15555550123', '2026-12-03T15:00:00Z');
    h.script((req) => {
      if (!lastUser(req).includes('cancel')) return { text: 'How can I help?' };
      if (!toolResultsThisTurn(req).length) {
        return {
          tools: [
            { tool: 'list_my_appointments', args: {} },
            { tool: 'cancel_appointment', args: { appointment_ref: 'ZZZZ' } },
            { tool: 'book_offer', args: { offer_id: 'XXXX' } },
            { tool: 'request_human', args: { reason: null } },
            { tool: 'find_slots', args: FIND_HAIRCUT },
          ],
        };
      }
      return {
        tools: [
          { tool: 'cancel_appointment', args: { appointment_ref: firstRef(req) } },
          { tool: 'request_human', args: { reason: 'also' } },
          { tool: 'book_offer', args: { offer_id: 'XXXX' } },
          { tool: 'reschedule_appointment', args: { appointment_ref: firstRef(req), offer_id: 'XXXX' } },
          { tool: 'business_info', args: { topic: 'all' } },
        ],
      };
    });
    const o = h.orchestrator();
    const before = await h.counts();
    const r = await h.say(o, 'cancel my appointment, book a color and get me a person');

    // Two answers of five calls each: the model was asked twice, and the second time it had
    // seen exactly one call (the first of its five) and that call's result.
    expect(h.fake.requests).toHaveLength(2);
    expect(callsThisTurn(h.fake.requests[1]!)).toEqual(['list_my_appointments']);
    expect(toolResultsThisTurn(h.fake.requests[1]!).map((x) => x.name)).toEqual(['list_my_appointments']);

    // The customer reads the templated cancel question; no hand-off, nothing booked, held or canceled.
    expect(r.messages).toEqual(['Cancel your Haircut on Thu Dec 3, 10:00 AM? Reply Y to confirm or N to keep it.']);
    expect(r.handedOff).toBeUndefined();
    expect(await h.t.db.exception.count()).toBe(0);
    expect(await h.counts()).toEqual(before);
    expect((await h.t.db.appointment.findFirstOrThrow()).status).toBe('confirmed');

    // The transcript says what ran and what was ignored (rows of one turn share a timestamp: compared as a set).
    const rows = await h.t.db.message.findMany({ where: { role: 'assistant', provider: 'openai:fake-model' } });
    const calls = rows.flatMap((m) => (m.toolCalls ?? []) as Array<{ name: string; ignoredCalls?: string[] }>);
    expect(calls).toHaveLength(2);
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'list_my_appointments', ignoredCalls: ['cancel_appointment', 'book_offer', 'request_human', 'find_slots'] }),
        expect.objectContaining({ name: 'cancel_appointment', ignoredCalls: ['request_human', 'book_offer', 'reschedule_appointment', 'business_info'] }),
      ]),
    );

    // The customer says no: still nothing changes.
    const no = await h.say(o, 'no');
    expect(no.messages[0]).toContain('nothing was changed');
    expect((await h.t.db.appointment.findFirstOrThrow()).status).toBe('confirmed');
    expect(await h.counts()).toEqual(before);
  });
});

describe('bad tool calls are refused with an error the model can recover from', () => {
  it('malformed JSON arguments: invalid_arguments, nothing run or written, then the corrected call works', async () => {
    badCallThenRecover({ tool: 'find_slots', args: '{"service": "haircut", "from": ' });
    const o = h.orchestrator();
    const r = await h.say(o, 'haircut tomorrow');
    const error = firstErrorSeen();
    expect(error.code).toBe('invalid_arguments');
    expect(error.message).toContain('JSON');
    expect(r.messages[0]).toContain('Openings for Haircut');
    expect(await h.counts()).toEqual({ appointments: 0, holds: 0, customers: 0 });
  });

  it('wrong-typed arguments: invalid_arguments naming each bad field, nothing run or written, then the corrected call works', async () => {
    badCallThenRecover({ tool: 'find_slots', args: { ...FIND_HAIRCUT, service: ['haircut', 'color'], from: 20261202, exact_time: 'yes' } });
    const o = h.orchestrator();
    const r = await h.say(o, 'haircut tomorrow');
    const error = firstErrorSeen();
    expect(error.code).toBe('invalid_arguments');
    for (const field of ['service', 'from', 'exact_time']) expect(error.message).toContain(`${field}:`);
    expect(r.messages[0]).toContain('Openings for Haircut');
    expect(await h.counts()).toEqual({ appointments: 0, holds: 0, customers: 0 });
  });

  it('a wrong-typed appointment ref never reaches the cancel tool', async () => {
    await h.bookExisting('+15555550123', '2026-12-03T15:00:00Z');
    h.script((req) =>
      toolResultsThisTurn(req).length ? { text: 'Could you tell me which appointment?' } : { tool: 'cancel_appointment', args: { appointment_ref: { $ne: null } } },
    );
    const o = h.orchestrator();
    const before = await h.counts();
    const r = await h.say(o, 'cancel everything');
    const error = firstErrorSeen();
    expect(error.code).toBe('invalid_arguments');
    expect(error.message).toContain('appointment_ref:');
    expect(r.messages).toEqual(['Could you tell me which appointment?']);
    expect(await h.counts()).toEqual(before);
    expect((await h.t.db.appointment.findFirstOrThrow()).status).toBe('confirmed');
    expect((await h.t.db.conversation.findFirstOrThrow()).state).toMatchObject({ proposal: null });
  });

  it('an unknown tool: unknown_tool, nothing run or written, then the model goes on with a real one', async () => {
    badCallThenRecover({ tool: 'drop_tables', args: { table: 'appointment' } });
    const o = h.orchestrator();
    const r = await h.say(o, 'haircut tomorrow');
    const error = firstErrorSeen();
    expect(error.code).toBe('unknown_tool');
    expect(error.message).toContain('drop_tables');
    expect(r.messages[0]).toContain('Openings for Haircut');
    expect(await h.counts()).toEqual({ appointments: 0, holds: 0, customers: 0 });
    expect(await h.t.db.appointment.count()).toBe(0);
  });

  it('a model that keeps sending bad calls is handed to a person, with nothing written', async () => {
    const bad = [
      { tool: 'drop_tables', args: {} },
      { tool: 'find_slots', args: '{not json' },
      { tool: 'book_offer', args: { offer_id: 42 } },
    ];
    let i = 0;
    h.script(() => bad[i++ % bad.length]!);
    const o = h.orchestrator();
    const r = await h.say(o, 'haircut tomorrow');
    expect(r.handedOff).toBe(true);
    expect(r.messages[0]).toContain('passed it to our team');
    const errors = (await h.t.db.message.findMany({ where: { role: 'tool' } })).map(
      (m) => (m.toolResult as { result: { error?: { code: string } } }).result.error?.code,
    );
    expect(errors.sort()).toEqual(['invalid_arguments', 'invalid_arguments', 'unknown_tool']);
    expect((await h.t.db.exception.findMany()).map((e) => e.type)).toEqual(['human_requested']);
    expect(await h.counts()).toEqual({ appointments: 0, holds: 0, customers: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { T, T2 } from '../../src/conversation/templates.ts';
import { lastUser, toolResultsThisTurn } from './support/fake-openai.ts';
import { ME, firstRef, offerFor, useOpenAIHarness, withheldTexts } from './support/openai-harness.ts';

// What the customer reads about a booking comes from templates over the committed record,
// never from the model's own words: a model that says "booked" or "canceled" when nothing
// was committed is not believed, and a "no" to what the model proposed changes nothing.

const h = useOpenAIHarness();

const DANA_THURSDAY = 'Booked for you: Haircut, Thu Dec 3, 10:00 AM with Dana.';

describe('a no to what the model proposed', () => {
  it('a cancel the customer says no to changes nothing, and a later yes with "it is canceled" from the model is not believed', async () => {
    await h.bookExisting(ME, '2026-12-03T15:00:00Z');
    h.script((req) => {
      if (lastUser(req).includes('yes')) return { text: 'Done, your appointment is canceled.' };
      return toolResultsThisTurn(req).length ? { tool: 'cancel_appointment', args: { appointment_ref: firstRef(req) } } : { tool: 'list_my_appointments', args: {} };
    });
    const o = h.orchestrator();
    const before = await h.counts();
    const asked = await h.say(o, 'cancel my appointment');
    expect(asked.messages[0]).toBe('Cancel your Haircut on Thu Dec 3, 10:00 AM? Reply Y to confirm or N to keep it.');

    const requests = h.fake.requests.length;
    const no = await h.say(o, 'no');
    expect(no.messages).toEqual([T.declined]);
    // The orchestrator answered the no itself; the model was not asked.
    expect(h.fake.requests).toHaveLength(requests);
    expect((await h.t.db.appointment.findFirstOrThrow()).status).toBe('confirmed');

    // A yes now confirms nothing (the proposal is gone); the model claims a cancel anyway.
    const yes = await h.say(o, 'yes');
    expect(yes.messages).toEqual([DANA_THURSDAY]);
    expect(yes.messages.join(' ')).not.toMatch(/cancel/i);
    expect((await h.t.db.appointment.findFirstOrThrow()).status).toBe('confirmed');
    expect(await h.counts()).toEqual(before);
    expect(await withheldTexts(h.t)).toEqual(['Done, your appointment is canceled.']);
  });

  it('a reschedule the customer presses "Keep it" on changes nothing, and "it is moved" from the model is not believed', async () => {
    const original = await h.bookExisting(ME, '2026-12-03T15:00:00Z');
    h.script((req) => {
      const text = lastUser(req);
      const done = toolResultsThisTurn(req);
      if (text.includes('move')) {
        if (!done.length) return { tool: 'list_my_appointments', args: {} };
        return { tool: 'find_slots', args: { service: 'haircut', from: '2026-12-04T14:00', to: null, exact_time: true, staff: null, appointment_ref: firstRef(req), duration_minutes: null, min_capacity: null } };
      }
      if (text.includes('2pm')) return { tool: 'reschedule_appointment', args: { appointment_ref: firstRef(req), offer_id: offerFor(req, '2:00 PM') } };
      return { text: "Yes! It's moved to Friday at 2:00 PM. See you then." };
    });
    const o = h.orchestrator();
    await h.say(o, 'move my appointment to friday 2pm');
    const asked = await h.say(o, 'the 2pm one');
    expect(asked.messages[0]).toContain('Move your Haircut from Thu Dec 3, 10:00 AM to Fri Dec 4, 2:00 PM');
    const keep = asked.choices?.find((c) => c.label === 'Keep it');
    expect(keep).toBeDefined();
    const before = await h.counts();

    const kept = await h.press(o, keep!.value);
    expect(kept.messages).toEqual([T.declined]);
    const check = await h.say(o, 'so is that done now?');
    expect(check.messages).toEqual([DANA_THURSDAY]);

    const rows = await h.t.db.appointment.findMany();
    expect(rows.map((a) => [a.id, a.startsAt.toISOString(), a.status])).toEqual([[original, '2026-12-03T15:00:00.000Z', 'confirmed']]);
    expect(await h.counts()).toEqual({ ...before, holds: 0 });
  });
});

describe('the model claims what was not committed', () => {
  it('"you are all set" instead of a proposal: the customer reads that nothing is booked, and can still pick', async () => {
    h.script((req) => {
      if (lastUser(req).includes('haircut')) {
        return { tool: 'find_slots', args: { service: 'haircut', from: '2026-12-02T10:00', to: null, exact_time: true, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null } };
      }
      return { text: "You're all set for 10:00 AM tomorrow with Dana!" };
    });
    const o = h.orchestrator();
    await h.say(o, 'haircut tomorrow 10am');
    const r = await h.say(o, 'book the 10am please');
    expect(r.messages).toEqual([T2.nothingOnRecord]);
    expect(await h.t.db.appointment.count()).toBe(0);
    expect(await h.t.db.hold.count()).toBe(0);
    expect(await withheldTexts(h.t)).toEqual(["You're all set for 10:00 AM tomorrow with Dana!"]);
    // The offers are still open: what the customer reads next is read as a pick.
    expect((await h.t.db.conversation.findFirstOrThrow()).state).toMatchObject({ expecting: 'choice' });
    // The model's next request shows what the customer actually read, not its own claim.
    await h.say(o, 'hm ok');
    const last = h.fake.requests.at(-1)!;
    const shown = last.messages.filter((m) => m.role === 'assistant' && m.content).map((m) => m.content);
    expect(shown).toContain(T2.nothingOnRecord);
    expect(shown.join(' ')).not.toContain('all set');
  });

  it('a claim while an intake question is open: the record, then the same question again', async () => {
    h.script((req) => {
      const text = lastUser(req);
      if (text.includes('consultation')) {
        return { tool: 'find_slots', args: { service: 'consult', from: '2026-12-02T11:00', to: null, exact_time: true, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null } };
      }
      if (text.includes('11am')) return { tool: 'book_offer', args: { offer_id: offerFor(req, '11:00 AM') } };
      return { text: 'Perfect, your consultation is confirmed!' };
    });
    const o = h.orchestrator();
    await h.say(o, 'consultation tomorrow 11am');
    const q = await h.say(o, 'the 11am');
    expect(q.messages[0]).toContain('Is this your first visit with us?');
    const r = await h.say(o, 'yes');
    expect(r.messages).toEqual([T2.nothingOnRecord, 'Is this your first visit with us? (Y/N)']);
    expect(r.choices?.map((c) => c.value)).toEqual(['Y', 'N']);
    expect(await h.t.db.appointment.count()).toBe(0);
    expect((await h.t.db.conversation.findFirstOrThrow()).state).toMatchObject({ proposal: { awaiting: 'intake', intakeQuestionId: 'first_visit' }, expecting: 'intake' });
  });

  it('even a true claim is replaced: what the customer reads about a booking is the committed record', async () => {
    await h.bookExisting(ME, '2026-12-03T15:00:00Z');
    h.script((req) =>
      toolResultsThisTurn(req).length ? { text: 'Your haircut is booked for Thursday at 10 with Dana.' } : { tool: 'list_my_appointments', args: {} },
    );
    const r = await h.say(h.orchestrator(), 'when is my appointment?');
    expect(r.messages).toEqual([DANA_THURSDAY]);
  });

  it('model text that claims nothing reaches the customer as written', async () => {
    const text = 'We are open Monday to Friday, 9 to 5. Please give 24 hours notice to change or cancel.';
    h.script((req) => (toolResultsThisTurn(req).length ? { text } : { tool: 'business_info', args: { topic: 'all' } }));
    const r = await h.say(h.orchestrator(), 'when are you open?');
    expect(r.messages).toEqual([text]);
    expect(await withheldTexts(h.t)).toEqual([]);
  });
});

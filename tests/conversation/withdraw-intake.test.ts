import { describe, expect, it, vi } from 'vitest';
import type { TurnEnv } from '../../src/conversation/env.ts';
import { parseState, type ConversationState } from '../../src/conversation/state.ts';
import type { Turn } from '../../src/conversation/turn/context.ts';
import { withdrawDuringIntake } from '../../src/conversation/turn/withdraw-intake.ts';

// A booking whose intake questions are open holds its time. A message that takes the booking
// back drops the proposal and releases the hold now; answers and new requests go on as before.

function setup(text: string, awaiting: 'intake' | 'confirmation' = 'intake') {
  const state: ConversationState = parseState({
    offers: [],
    proposal: { id: 'P1', kind: 'book', awaiting, holdId: 'H1', serviceId: 'svc-consult', summary: 'Book Consultation?', createdAt: '2026-12-01T14:00:00Z' },
    providerMemory: { flow: 'book' },
    expecting: awaiting,
  });
  const releaseHold = vi.fn(async () => undefined);
  const env = {
    state,
    scheduler: { releaseHold },
    releases: [] as Array<Promise<unknown>>,
    clock: () => new Date('2026-12-01T14:00:00Z'),
    catalog: {
      business: { timeZone: 'America/New_York' },
      services: [{ id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: [] }, { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: [] }],
      staff: [],
    },
  } as unknown as TurnEnv;
  const turn = { state, inbound: { text, rawText: text, choiceValue: '', attachments: [] } } as unknown as Turn;
  return { state, env, turn, releaseHold };
}

describe('taking back a booking during its intake questions', () => {
  it.each(['actually nvm, dont book anything', 'never mind', 'sorry i changed my mind', 'ok forget it'])('%s: dropped, hold released', (text) => {
    const { state, env, turn, releaseHold } = setup(text);
    const shown = withdrawDuringIntake(turn, env);
    expect(shown?.messages.join(' ')).toMatch(/not booked/);
    expect(state.proposal).toBeNull();
    expect(releaseHold).toHaveBeenCalledWith('H1');
    expect(state.providerMemory).toEqual({});
    expect(state.expecting).toBeNull();
  });

  it.each(['no', 'yes', 'skip', 'nvm just book a haircut at that time', 'can we do 3pm instead'])('%s: an answer or a new request, left to the model', (text) => {
    const { state, env, turn, releaseHold } = setup(text);
    expect(withdrawDuringIntake(turn, env)).toBeNull();
    expect(state.proposal?.id).toBe('P1');
    expect(releaseHold).not.toHaveBeenCalled();
  });

  it('a summary waiting for its yes is not this step\'s', () => {
    const { env, turn } = setup('never mind', 'confirmation');
    expect(withdrawDuringIntake(turn, env)).toBeNull();
  });
});

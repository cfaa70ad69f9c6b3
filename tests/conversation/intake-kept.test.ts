import { describe, expect, it } from 'vitest';
import { keepIntakeAnswers, takeIntakeAnswers } from '../../src/conversation/proposal/intake-kept.ts';
import { newProposal } from '../../src/conversation/proposal/propose.ts';
import { parseState } from '../../src/conversation/state.ts';

// Intake answers given before a change at the summary ("no, 12 instead") carry to the next
// booking of that service, once.
const clock = () => new Date('2026-12-01T14:00:00Z');

describe('intake answers kept across a change at the summary', () => {
  it('the next booking of the same service starts from them, once', () => {
    const state = parseState({});
    const p = { ...newProposal({ state, clock }, 'book', 'svc-consult'), intake: { first_visit: false, hair_length: 8 }, intakeSkipped: ['email'] };
    keepIntakeAnswers(state, p);
    expect(takeIntakeAnswers(state, 'svc-consult')).toEqual({ intake: { first_visit: false, hair_length: 8 }, intakeSkipped: ['email'] });
    expect(takeIntakeAnswers(state, 'svc-consult')).toEqual({ intake: {}, intakeSkipped: [] });
  });

  it('another service asks afresh', () => {
    const state = parseState({});
    keepIntakeAnswers(state, { ...newProposal({ state, clock }, 'book', 'svc-consult'), intake: { first_visit: true } });
    expect(takeIntakeAnswers(state, 'svc-color')).toEqual({ intake: {}, intakeSkipped: [] });
  });

  it('a move or a cancel keeps nothing', () => {
    const state = parseState({});
    keepIntakeAnswers(state, { ...newProposal({ state, clock }, 'reschedule', 'svc-consult'), intake: { first_visit: true } });
    expect(state.intakeKept).toBeNull();
  });
});

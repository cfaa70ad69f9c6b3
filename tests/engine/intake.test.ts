import { describe, expect, it } from 'vitest';
import { IntakeQuestions, isAsked, pendingQuestions, validateIntakeAnswers } from '../../src/engine/intake.ts';

// The intake helpers the conversation layer uses to decide what to ask next and
// whether a set of answers is complete.

const questions = IntakeQuestions.parse([
  { id: 'visit', prompt: 'What brings you in?', type: 'choice', options: ['checkup', 'pain'] },
  { id: 'pain_level', prompt: 'How bad, 1–10?', type: 'number', min: 1, max: 10, when: { question: 'visit', equals: 'pain' } },
  { id: 'insured', prompt: 'Insured?', type: 'yes_no' },
  { id: 'email', prompt: 'Email?', type: 'email', required: false },
]);

describe('intake questions', () => {
  it('defaults required to true', () => {
    expect(questions.map((q) => q.required)).toEqual([true, true, true, false]);
  });

  it('asks a conditional question only when the earlier answer matches', () => {
    const pain = questions[1]!;
    expect(isAsked(pain, {})).toBe(false);
    expect(isAsked(pain, { visit: 'checkup' })).toBe(false);
    expect(isAsked(pain, { visit: 'pain' })).toBe(true);
    expect(pendingQuestions(questions, { visit: 'pain' }).map((q) => q.id)).toEqual(['pain_level', 'insured', 'email']);
    expect(pendingQuestions(questions, { visit: 'checkup', insured: false }).map((q) => q.id)).toEqual(['email']);
  });

  it('accepts complete answers and names each problem otherwise', () => {
    expect(validateIntakeAnswers(questions, { visit: 'checkup', insured: true })).toEqual({ ok: true });
    expect(validateIntakeAnswers(questions, { visit: 'pain', pain_level: 4, insured: false, email: 'a@b.co' })).toEqual({ ok: true });
    const bad = validateIntakeAnswers(questions, { visit: 'pain', pain_level: 11, insured: 'yes', email: 'nope', shoe_size: 9 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.question).sort()).toEqual(['email', 'insured', 'pain_level', 'shoe_size']);
    const missing = validateIntakeAnswers(questions, { visit: 'pain' });
    expect(!missing.ok && missing.errors).toEqual([
      { question: 'pain_level', message: 'is required' },
      { question: 'insured', message: 'is required' },
    ]);
    const notAsked = validateIntakeAnswers(questions, { visit: 'checkup', pain_level: 3, insured: true });
    expect(!notAsked.ok && notAsked.errors).toEqual([{ question: 'pain_level', message: 'is not asked given the other answers' }]);
  });
});

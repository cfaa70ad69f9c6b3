import { describe, expect, it } from 'vitest';
import { readAnswerAndNext, type IntakeQuestion } from '../../../src/conversation/intake.ts';

// A consultation's questions, as a business might word them.
const QUESTIONS = [
  { id: 'new', type: 'yes_no', prompt: 'First time with us?', required: true },
  { id: 'source', type: 'choice', prompt: 'Where did you find us?', options: ['Friend', 'Online', 'Walk-by'], required: true, when: { question: 'new', equals: true } },
  { id: 'mail', type: 'email', prompt: 'Email for the reminder?', required: false },
  { id: 'length', type: 'number', prompt: 'How long is your hair in inches?', required: true, min: 0, max: 60 },
] as IntakeQuestion[];
const [NEW, SOURCE, MAIL] = QUESTIONS as [IntakeQuestion, IntakeQuestion, IntakeQuestion];
const NOW = new Date('2026-12-01T14:00:00Z');
const read = (q: IntakeQuestion, answers: Record<string, string | number | boolean>, text: string) =>
  readAnswerAndNext(q, QUESTIONS, answers, [], text, NOW, 'America/New_York');

describe('an answer that answers the next question too', () => {
  it('fills both when the words answer the next one', () => {
    expect(read(NEW, {}, 'yep my first, my sister sent me')).toEqual({ answer: { ok: true, value: true }, next: { id: 'source', value: 'Friend' } });
    expect(read(SOURCE, { new: true }, 'youtube. lee@example.org')).toEqual({ answer: { ok: true, value: 'Online' }, next: { id: 'mail', value: 'lee@example.org' } });
    expect(read(MAIL, { new: false }, 'rather not, its about 9 inches')).toEqual({ answer: { ok: false, skip: true }, next: { id: 'length', value: 9 } });
  });

  it('the next question is the one its condition asks next', () => {
    // Not new: no "where did you find us", the email is next.
    expect(read(NEW, {}, 'nope. sam@example.net')).toEqual({ answer: { ok: true, value: false }, next: { id: 'mail', value: 'sam@example.net' } });
  });

  it('a bare yes, no or number answers only the question asked', () => {
    expect(read(NEW, {}, 'yes')).toEqual({ answer: { ok: true, value: true } });
    expect(read(SOURCE, { new: true }, '3')).toEqual({ answer: { ok: true, value: 'Walk-by' } });
    expect(read(MAIL, { new: false }, 'no, 11')).toEqual({ answer: { ok: false, reason: 'that does not look like an email address.' } });
  });
});

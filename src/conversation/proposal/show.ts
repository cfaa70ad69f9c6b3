import { missingRequired, nextQuestion, renderQuestion, type IntakeQuestion } from '../intake.ts';
import type { ToolOutcome } from '../outcome.ts';
import type { Proposal } from '../state.ts';
import { CHOICE_LABELS, T } from '../templates.ts';
import { questionChoices, questionView } from './question.ts';

// What the customer sees of a proposal: its intake questions one at a time, then the
// summary with a yes that carries the proposal's id (so a stale button commits nothing).

/** The summary and the yes/no the customer answers; the yes carries the proposal's id. */
export function askConfirmation(p: Proposal, style: 'primary' | 'danger'): ToolOutcome {
  return {
    failure: false,
    result: { ok: true, status: 'awaiting_customer_confirmation', proposal_id: p.id, summary: p.summary },
    display: {
      messages: [p.summary],
      choices: [
        { value: `confirm:${p.id}`, label: p.kind === 'cancel' ? CHOICE_LABELS.cancelIt : CHOICE_LABELS.confirm, style },
        { value: 'N', label: p.kind === 'book' ? CHOICE_LABELS.change : CHOICE_LABELS.keep },
      ],
      expecting: 'confirmation',
    },
  };
}

/** Asks the next intake question, or turns the proposal into one awaiting the customer's yes. */
export function advanceIntake(p: Proposal, questions: IntakeQuestion[], first: boolean, held?: string): ToolOutcome {
  const q = nextQuestion(questions, p.intake, p.intakeSkipped);
  if (q) {
    p.awaiting = 'intake';
    if (p.intakeQuestionId !== q.id) p.intakeAttempts = 0;
    p.intakeQuestionId = q.id;
    const text = renderQuestion(q);
    return {
      failure: false,
      result: { ok: true, status: 'intake_question', question: questionView(q) },
      display: { messages: [first ? `${held ? `${held}\n` : ''}${T.intakeIntro}\n${text}` : text], choices: questionChoices(q), expecting: 'intake' },
    };
  }
  p.awaiting = 'confirmation';
  p.intakeQuestionId = null;
  p.intakeMissing = missingRequired(questions, p.intake);
  return askConfirmation(p, 'primary');
}

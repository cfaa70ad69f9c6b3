import type { TurnEnv } from '../env.ts';
import { readAnswerAndNext, renderQuestion, serviceQuestions } from '../intake.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { questionChoices, questionView } from '../proposal/question.ts';
import { advanceIntake } from '../proposal/show.ts';
import { T } from '../templates.ts';
import type { ToolArgs } from './definitions.ts';

/** Stores the answer to the pending intake question and shows the next step of the proposal. */
export async function saveIntakeAnswer(env: TurnEnv, args: ToolArgs<'save_intake_answer'>): Promise<ToolOutcome> {
  const p = env.state.proposal;
  if (!p || p.awaiting !== 'intake' || !p.intakeQuestionId) return fail('no_question_pending', 'No intake question is waiting for an answer.');
  const service = env.catalog.services.find((s) => s.id === p.serviceId);
  const questions = serviceQuestions(service?.intakeQuestions);
  const q = questions.find((x) => x.id === p.intakeQuestionId);
  if (!q) return advanceIntake(p, questions, false);
  if (args.question_id !== q.id) {
    return fail('wrong_question', `The question waiting for an answer is ${q.id}.`, true, { question: questionView(q) });
  }
  if (env.attachments.length) p.attachments.push(...env.attachments.map((a) => ({ url: a.url, contentType: a.contentType })));
  const { answer: parsed, next } = readAnswerAndNext(q, questions, p.intake, p.intakeSkipped, args.answer, env.clock(), env.catalog.business.timeZone);
  // "yes first time, a friend told me": the question after this one is answered too.
  if (next) p.intake[next.id] = next.value;
  if (!parsed.ok && 'skip' in parsed) {
    p.intakeSkipped.push(q.id);
    return advanceIntake(p, questions, false);
  }
  if (!parsed.ok) {
    p.intakeAttempts += 1;
    // After three unusable answers the question is left for staff instead of looping.
    if (p.intakeAttempts >= 3) {
      p.intakeSkipped.push(q.id);
      return advanceIntake(p, questions, false);
    }
    return {
      failure: false,
      result: { ok: false, error: { code: 'invalid_answer', message: parsed.reason }, question: questionView(q) },
      display: { messages: [`${T.intakeInvalid(parsed.reason)}\n${renderQuestion(q)}`], choices: questionChoices(q), expecting: 'intake' },
    };
  }
  p.intake[q.id] = parsed.value;
  return advanceIntake(p, questions, false);
}

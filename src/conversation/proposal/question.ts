import type { ReplyChoice } from '../../contract/conversation.ts';
import type { IntakeQuestion } from '../intake.ts';

/** An intake question as the model reads it. */
export function questionView(q: IntakeQuestion) {
  return { question_id: q.id, text: q.prompt, type: q.type, required: q.required, options: q.type === 'choice' ? q.options : null };
}

/** The buttons of an intake question, on channels that have them. */
export function questionChoices(q: IntakeQuestion): ReplyChoice[] | undefined {
  if (q.type === 'choice') return q.options.map((o, i) => ({ value: String(i + 1), label: o }));
  if (q.type === 'yes_no') return [{ value: 'Y', label: 'Yes' }, { value: 'N', label: 'No' }];
  return undefined;
}

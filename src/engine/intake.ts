import { z } from 'zod';

// Intake questions a service asks before booking. Stored as JSON on the service;
// this module is the one definition of their shape and of what a valid answer is,
// shared by the admin API, the seed loader and the conversation layer.

const questionId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'must be snake_case: a lowercase letter, then letters, digits or _' });

const answerValue = z.union([z.string(), z.number(), z.boolean()]);

/** Ask this question only when an earlier answer matches. */
export const IntakeCondition = z.strictObject({
  question: questionId.meta({ description: 'id of an earlier question' }),
  equals: z.union([answerValue, z.array(answerValue).min(1)]).meta({ description: 'the answer (or any of the answers) that triggers this question' }),
});

const base = {
  id: questionId,
  prompt: z.string().trim().min(1).max(500),
  required: z.boolean().default(true),
  when: IntakeCondition.optional(),
};

export const IntakeQuestion = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.int().min(1).max(2000).optional() }),
  z.strictObject({ ...base, type: z.literal('choice'), options: z.array(z.string().trim().min(1).max(100)).min(2).max(20) }),
  z.strictObject({ ...base, type: z.literal('yes_no') }),
  z.strictObject({ ...base, type: z.literal('date') }),
  z.strictObject({ ...base, type: z.literal('email') }),
  z.strictObject({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }),
]);
export type IntakeQuestion = z.infer<typeof IntakeQuestion>;
export type IntakeAnswers = Record<string, string | number | boolean>;

export const IntakeQuestions = z
  .array(IntakeQuestion)
  .max(30)
  .superRefine((questions, ctx) => {
    const seen = new Map<string, IntakeQuestion>();
    questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id "${q.id}"` });
      if (q.type === 'choice' && new Set(q.options).size !== q.options.length) {
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'options must be distinct' });
      }
      if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
        ctx.addIssue({ code: 'custom', path: [i, 'max'], message: 'must not be less than min' });
      }
      if (q.when) {
        const target = seen.get(q.when.question);
        if (!target) {
          ctx.addIssue({ code: 'custom', path: [i, 'when', 'question'], message: `must name an earlier question (no question "${q.when.question}" before this one)` });
        } else {
          const values = Array.isArray(q.when.equals) ? q.when.equals : [q.when.equals];
          for (const v of values) {
            if (!answerSchemaFor(target).safeParse(v).success) {
              ctx.addIssue({ code: 'custom', path: [i, 'when', 'equals'], message: `${JSON.stringify(v)} is not a possible answer to "${target.id}"` });
            }
          }
        }
      }
      seen.set(q.id, q);
    });
  });

/** What a valid answer to one question looks like (after the channel has parsed it). */
export function answerSchemaFor(q: IntakeQuestion): z.ZodType<string | number | boolean> {
  switch (q.type) {
    case 'text':
      return z.string().trim().min(1).max(q.maxLength ?? 2000);
    case 'choice':
      return z.enum(q.options as [string, ...string[]]);
    case 'yes_no':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'email':
      return z.email();
    case 'number': {
      let n = z.number();
      if (q.min !== undefined) n = n.min(q.min);
      if (q.max !== undefined) n = n.max(q.max);
      return n;
    }
  }
}

/** Whether a question is asked, given the answers so far (its `when` condition). */
export function isAsked(q: IntakeQuestion, answers: IntakeAnswers): boolean {
  if (!q.when) return true;
  const given = answers[q.when.question];
  const wanted = Array.isArray(q.when.equals) ? q.when.equals : [q.when.equals];
  return given !== undefined && wanted.includes(given);
}

/** Questions still to ask, in order: those whose condition holds and that have no answer yet. */
export function pendingQuestions(questions: IntakeQuestion[], answers: IntakeAnswers): IntakeQuestion[] {
  return questions.filter((q) => isAsked(q, answers) && answers[q.id] === undefined);
}

/** Checks a full set of answers: every asked required question answered, every answer valid, nothing extra. */
export function validateIntakeAnswers(
  questions: IntakeQuestion[],
  answers: IntakeAnswers,
): { ok: true } | { ok: false; errors: Array<{ question: string; message: string }> } {
  const errors: Array<{ question: string; message: string }> = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push({ question: id, message: 'is not a question of this service' });
  for (const q of questions) {
    const a = answers[q.id];
    if (!isAsked(q, answers)) {
      if (a !== undefined) errors.push({ question: q.id, message: 'is not asked given the other answers' });
      continue;
    }
    if (a === undefined) {
      if (q.required) errors.push({ question: q.id, message: 'is required' });
      continue;
    }
    const parsed = answerSchemaFor(q).safeParse(a);
    if (!parsed.success) errors.push({ question: q.id, message: parsed.error.issues[0]?.message ?? 'is not a valid answer' });
  }
  return errors.length ? { ok: false, errors } : { ok: true };
}

import { DateTime } from 'luxon';
import type { z } from 'zod';
import { IntakeQuestions, answerSchemaFor, pendingQuestions, type IntakeAnswers, type IntakeQuestion } from '../engine/intake.ts';
import { matchOption } from './intake-answers/choice-option.ts';
import { declinesOptional, refusesToAnswer } from './intake-answers/declines.ts';
import { findEmail } from './intake-answers/email.ts';
import { readQuantity } from './intake-answers/quantity.ts';
import { readYesNo, readYesNoInWords } from './intake-answers/yes-no.ts';
import { parseWhen } from './understanding/index.ts';

export type { IntakeAnswers, IntakeQuestion };

// Intake in conversation: questions asked one at a time, each answer parsed from free
// text and validated against the question's type before it is stored.

/** A service's questions; a malformed configuration asks nothing rather than crash a dialog. */
export function serviceQuestions(raw: unknown): IntakeQuestion[] {
  const parsed = IntakeQuestions.safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

/** The next question to ask, skipping those already answered or skipped and those whose condition fails. */
export function nextQuestion(questions: IntakeQuestion[], answers: IntakeAnswers, skipped: string[]): IntakeQuestion | undefined {
  return pendingQuestions(questions, answers).find((q) => !skipped.includes(q.id));
}

/** Required questions that are asked (given the answers) but have no answer. */
export function missingRequired(questions: IntakeQuestion[], answers: IntakeAnswers): string[] {
  return pendingQuestions(questions, answers)
    .filter((q) => q.required)
    .map((q) => q.id);
}

export type ParsedAnswer = { ok: true; value: string | number | boolean } | { ok: false; reason: string };
export type ReadAnswer = ParsedAnswer | { ok: false; skip: true };

/**
 * The answer as the question's type, or a skip: a refusal for any question, and a plain
 * no ("no thanks", "dont have one") for an optional one it does not answer (a no to a
 * yes/no question is its answer; "None" may be one of a choice's options).
 */
export function readAnswer(q: IntakeQuestion, text: string, now: Date, timeZone: string): ReadAnswer {
  if (refusesToAnswer(text)) return { ok: false, skip: true };
  if (q.type === 'text' && !q.required && declinesOptional(text, { bareOnly: true })) return { ok: false, skip: true };
  const parsed = parseAnswer(q, text, now, timeZone);
  if (!parsed.ok && !q.required && declinesOptional(text)) return { ok: false, skip: true };
  return parsed;
}

export type CarriedAnswer = { id: string; value: string | number | boolean };

/**
 * The answer to `q`, and to the question after it when the same message clearly answers
 * that one too ("yes first time, a friend told me"; "no email, about 10 inches"). The
 * message is read whole first; when that gives no answer, its first clauses are tried
 * for `q` and the rest for the next question. Only an answer in words carries over: a
 * bare yes, no or number answers the question asked, never the one after it.
 */
export function readAnswerAndNext(
  q: IntakeQuestion,
  questions: IntakeQuestion[],
  answers: IntakeAnswers,
  skipped: string[],
  text: string,
  now: Date,
  timeZone: string,
): { answer: ReadAnswer; next?: CarriedAnswer } {
  const whole = readAnswer(q, text, now, timeZone);
  if (whole.ok) return { answer: whole, next: carried(following(q, whole, questions, answers, skipped), text) };
  if ('skip' in whole) return { answer: whole };
  const clauses = text.split(/\s*(?:[,;]|\.\s|\s(?:and|but|also|plus)\s)\s*/).filter((c) => c.trim() !== '');
  for (let k = 1; k < clauses.length; k++) {
    const head = readAnswer(q, clauses.slice(0, k).join(', '), now, timeZone);
    if (!head.ok && !('skip' in head)) continue;
    const next = carried(following(q, head, questions, answers, skipped), clauses.slice(k).join(', '));
    if (next) return { answer: head, next };
  }
  return { answer: whole };
}

/** The question asked after `q` once it has this answer (or is skipped). */
function following(q: IntakeQuestion, answer: ReadAnswer, questions: IntakeQuestion[], answers: IntakeAnswers, skipped: string[]): IntakeQuestion | undefined {
  if (answer.ok) return nextQuestion(questions, { ...answers, [q.id]: answer.value }, skipped);
  return nextQuestion(questions, answers, [...skipped, q.id]);
}

/** The answer in words the text gives to `q`, validated; undefined when it gives none. */
function carried(q: IntakeQuestion | undefined, text: string): CarriedAnswer | undefined {
  if (!q) return undefined;
  let value: string | number | boolean | undefined;
  if (q.type === 'yes_no') value = readYesNoInWords(text, q.prompt);
  else if (q.type === 'email') value = findEmail(text);
  else if (q.type === 'number') value = readQuantity(text, q.prompt, { measuredOnly: true });
  else if (q.type === 'choice') {
    const picked = matchOption(text, q.options, { wordsOnly: true });
    value = picked && 'index' in picked ? q.options[picked.index] : undefined;
  }
  if (value === undefined) return undefined;
  const checked = (answerSchemaFor(q) as z.ZodType<string | number | boolean>).safeParse(value);
  return checked.success ? { id: q.id, value: checked.data } : undefined;
}

/** Reads a free-text answer as the question's type (intake-answers/), then validates it with the shared schema. */
export function parseAnswer(q: IntakeQuestion, text: string, now: Date, timeZone: string): ParsedAnswer {
  const t = text.trim();
  let value: string | number | boolean | undefined;
  let reason: string;
  switch (q.type) {
    case 'text':
      value = t;
      reason = q.maxLength ? `please answer in at most ${q.maxLength} characters.` : 'please type an answer.';
      break;
    case 'choice': {
      const picked = matchOption(t, q.options);
      value = picked && 'index' in picked ? q.options[picked.index] : undefined;
      reason = `please reply with a number from 1 to ${q.options.length}.`;
      break;
    }
    case 'yes_no':
      value = readYesNo(t, q.prompt);
      reason = 'please reply Y or N.';
      break;
    case 'date': {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
      const range = iso ? undefined : parseWhen(t, now, timeZone);
      value = iso ?? (range ? DateTime.fromJSDate(range.from, { zone: timeZone }).toISODate() ?? undefined : undefined);
      reason = 'please give a date, like "Dec 3" or 2026-12-03.';
      break;
    }
    case 'email':
      value = findEmail(t);
      reason = 'that does not look like an email address.';
      break;
    case 'number': {
      value = readQuantity(t, q.prompt);
      reason =
        q.min !== undefined && q.max !== undefined
          ? `please reply with a number from ${q.min} to ${q.max}.`
          : q.min !== undefined
            ? `please reply with a number of at least ${q.min}.`
            : q.max !== undefined
              ? `please reply with a number up to ${q.max}.`
              : 'please reply with a number.';
      break;
    }
  }
  if (value === undefined) return { ok: false, reason };
  const checked = (answerSchemaFor(q) as z.ZodType<string | number | boolean>).safeParse(value);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, reason };
}

/** The question as the customer sees it: options numbered, the expected form hinted. */
export function renderQuestion(q: IntakeQuestion): string {
  const optional = q.required ? '' : ' (optional: reply SKIP to leave it out)';
  switch (q.type) {
    case 'choice':
      return `${q.prompt}${optional}\n${q.options.map((o, i) => `${i + 1}) ${o}`).join('\n')}`;
    case 'yes_no':
      return `${q.prompt} (Y/N)${optional}`;
    default:
      return `${q.prompt}${optional}`;
  }
}

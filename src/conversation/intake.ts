import { DateTime } from 'luxon';
import type { z } from 'zod';
import { IntakeQuestions, answerSchemaFor, pendingQuestions, type IntakeAnswers, type IntakeQuestion } from '../engine/intake.ts';
import { parseChoice, parseWhen, parseYesNo } from './understanding/index.ts';

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

export function isSkip(text: string): boolean {
  return /^\s*(i\s+)?(skip|pass|n\/?a|don'?t know|do not know|idk|not sure|rather not say|prefer not to say)\s*[.!]?\s*$/i.test(text);
}

export type ParsedAnswer = { ok: true; value: string | number | boolean } | { ok: false; reason: string };

/** Reads a free-text answer as the question's type, then validates it with the shared schema. */
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
      const byText = q.options.find((o) => o.toLowerCase() === t.toLowerCase()) ?? q.options.find((o) => t.length >= 3 && o.toLowerCase().includes(t.toLowerCase()));
      const idx = byText ? undefined : parseChoice(t, q.options.length).index;
      value = byText ?? (idx !== undefined ? q.options[idx] : undefined);
      reason = `please reply with a number from 1 to ${q.options.length}.`;
      break;
    }
    case 'yes_no': {
      const yn = parseYesNo(t);
      value = yn === undefined ? undefined : yn === 'yes';
      reason = 'please reply Y or N.';
      break;
    }
    case 'date': {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
      const range = iso ? undefined : parseWhen(t, now, timeZone);
      value = iso ?? (range ? DateTime.fromJSDate(range.from, { zone: timeZone }).toISODate() ?? undefined : undefined);
      reason = 'please give a date, like "Dec 3" or 2026-12-03.';
      break;
    }
    case 'email':
      value = (t.match(/[^\s<>()]+@[^\s<>()]+\.[^\s<>().,;]+/)?.[0] ?? t).toLowerCase();
      reason = 'that does not look like an email address.';
      break;
    case 'number': {
      const m = t.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
      value = m ? Number(m[0]) : undefined;
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

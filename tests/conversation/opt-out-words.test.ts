import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceQuestions, renderQuestion } from '../../src/conversation/intake.ts';
import { PROMPTS_DIR } from '../../src/conversation/prompts.ts';
import { CHOICE_LABELS, RULE_TEXT, T, T2 } from '../../src/conversation/templates.ts';
import { toolDescriptions } from '../../src/conversation/tools/definitions.ts';
import { CONSULT_QUESTIONS } from './support/fixture.ts';
import { optOutProblems } from './support/opt-out.ts';

// Carriers treat a bare STOP, CANCEL, END or QUIT as an opt-out. No template, prompt or
// tool description may ask a customer to send one; they confirm with Y, cancel with C
// and reschedule with R.

function renderAll(value: unknown, name: string, out: Array<[string, string]>) {
  if (typeof value === 'string') out.push([name, value]);
  else if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 'Haircut' : i === 1 ? 'Tue Dec 1, 3:00 PM' : 'Main St'));
    const fn = value as (...a: unknown[]) => unknown;
    // Templates take strings, menus take a list of names.
    let r: unknown;
    try {
      r = fn(...args);
    } catch {
      r = fn(['Color', 'Haircut']);
    }
    renderAll(Array.isArray(r) ? r.join('\n') : r, name, out);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) renderAll(v, `${name}.${k}`, out);
}

describe('no carrier opt-out word is given as an instruction', () => {
  const texts: Array<[string, string]> = [];
  renderAll(T, 'T', texts);
  renderAll(T2, 'T2', texts);
  renderAll(RULE_TEXT, 'RULE_TEXT', texts);
  renderAll(CHOICE_LABELS, 'CHOICE_LABELS', texts);
  renderAll(toolDescriptions, 'toolDescriptions', texts);
  renderAll(T.askService(['Color', 'Haircut']), 'askService', texts);
  for (const q of serviceQuestions(CONSULT_QUESTIONS)) texts.push([`question ${q.id}`, renderQuestion(q)]);
  texts.push(['prompts/system.md', readFileSync(path.join(PROMPTS_DIR, 'system.md'), 'utf8')]);
  for (const f of readdirSync(path.join(PROMPTS_DIR, 'channels'))) texts.push([`prompts/channels/${f}`, readFileSync(path.join(PROMPTS_DIR, 'channels', f), 'utf8')]);

  it('scans a meaningful set of texts', () => {
    expect(texts.length).toBeGreaterThan(60);
  });

  it.each(texts)('%s', (_name, text) => {
    expect(optOutProblems(text)).toEqual([]);
  });

  it('the detector itself catches the forms it must', () => {
    expect(optOutProblems('Reply CANCEL to cancel')).not.toEqual([]);
    expect(optOutProblems('text stop to end')).not.toEqual([]);
    expect(optOutProblems("send 'quit'")).not.toEqual([]);
    expect(optOutProblems('Reply C to cancel your appointment')).toEqual([]);
    expect(optOutProblems('Cancel your Haircut on Tue? Reply Y to confirm.')).toEqual([]);
  });
});

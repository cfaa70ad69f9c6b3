import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules in eslint.config.js, shown to bite: each case lints a one-line
// file at a path inside a layer and expects exactly the rule with that id to refuse it,
// so deleting any one rule (or one name from its list) fails a case here.

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function firedRules(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${specifier}';\nexport const used = m;\n`, {
    filePath: path.join(ROOT, file),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => /\[([a-z-]+)\]/.exec(m.message)?.[1] ?? m.message);
}

describe('layering', () => {
  it.each([
    ['engine-storage', 'src/engine/x.ts', '../db/client.ts'],
    ['engine-storage', 'src/engine/x.ts', '../generated/prisma/client.ts'],
    ['engine-storage', 'src/engine/x.ts', '@prisma/client'],
    ['engine-storage', 'src/engine/x.ts', 'pg'],
    ['engine-storage', 'src/engine/x.ts', 'pg-boss'],
    ['engine-edges', 'src/engine/x.ts', '../conversation/contract.ts'],
    ['engine-edges', 'src/engine/x.ts', '../channels/sms/webhook.ts'],
    ['engine-edges', 'src/engine/x.ts', '../api/problem.ts'],
    ['engine-edges', 'src/engine/sub/x.ts', '../../jobs/boss.ts'],
    ['engine-edges', 'src/engine/x.ts', '../ops/exceptions.ts'],
    ['engine-sdks', 'src/engine/x.ts', 'express'],
    ['engine-sdks', 'src/engine/x.ts', 'openai'],
    ['engine-sdks', 'src/engine/x.ts', 'twilio'],
    ['contract-neutral', 'src/contract/x.ts', '../channels/sms/webhook.ts'],
    ['contract-neutral', 'src/contract/x.ts', '../db/client.ts'],
    ['contract-neutral', 'src/contract/x.ts', '@slack/bolt'],
    ['conversation-channels', 'src/conversation/x.ts', '../channels/sms/webhook.ts'],
    ['conversation-channels', 'src/conversation/x.ts', '../api/schemas/intake.ts'],
    ['conversation-channels', 'src/conversation/x.ts', '../jobs/boss.ts'],
    ['conversation-sdks', 'src/conversation/x.ts', 'twilio'],
    ['conversation-sdks', 'src/conversation/x.ts', '@slack/bolt'],
    ['conversation-sdks', 'src/conversation/x.ts', 'express'],
    ['providers-tools-only', 'src/conversation/providers/x.ts', '../../engine/api.ts'],
    ['providers-tools-only', 'src/conversation/providers/x.ts', '../../db/client.ts'],
    ['conversation-channels', 'src/conversation/providers/x.ts', '../../channels/sms/router.ts'],
    // The offline and OpenAI providers each live in their own folder under providers/: the rules reach them there.
    ['providers-tools-only', 'src/conversation/providers/offline/x.ts', '../../../engine/api.ts'],
    ['providers-tools-only', 'src/conversation/providers/openai/x.ts', '../../../db/client.ts'],
    ['channel-siblings', 'src/channels/sms/x.ts', '../slack/app.ts'],
    ['channel-siblings', 'src/channels/slack/x.ts', '../sms/webhook.ts'],
    ['channel-siblings', 'src/channels/teams/x.ts', '../slack/app.ts'],
    ['channel-sdks', 'src/channels/sms/x.ts', '@slack/bolt'],
    ['channel-sdks', 'src/channels/sms/x.ts', '@microsoft/agents-activity'],
    ['channel-sdks', 'src/channels/slack/x.ts', 'twilio'],
    ['channel-sdks', 'src/channels/slack/x.ts', '@microsoft/agents-hosting'],
    ['channel-database', 'src/channels/sms/x.ts', '../../db/client.ts'],
    ['channel-database', 'src/channels/slack/x.ts', '@prisma/client'],
    ['channel-database', 'src/channels/teams/x.ts', 'pg'],
    ['channel-edges', 'src/channels/sms/x.ts', '../../api/problem.ts'],
    ['channel-edges', 'src/channels/slack/x.ts', '../../jobs/boss.ts'],
    ['channel-edges', 'src/channels/slack/x.ts', '../../ops/raise.ts'],
    ['jobs-notifier', 'src/jobs/x.ts', '../channels/sms/outbound.ts'],
    ['jobs-notifier', 'src/jobs/x.ts', 'twilio'],
    ['jobs-notifier', 'src/jobs/x.ts', '../api/app.ts'],
    ['ops-notifier', 'src/ops/x.ts', '../channels/slack/notifier.ts'],
    ['ops-notifier', 'src/ops/x.ts', '@slack/bolt'],
    ['ops-notifier', 'src/ops/x.ts', '../jobs/boss.ts'],
  ])('[%s] %s may not import %s', async (id, file, specifier) => {
    expect(await firedRules(file, specifier)).toContain(id);
  });

  it.each([
    ['src/engine/x.ts', 'luxon'],
    ['src/engine/x.ts', './api.ts'],
    ['src/conversation/x.ts', '../engine/api.ts'],
    ['src/conversation/x.ts', '../contract/conversation.ts'],
    ['src/conversation/providers/x.ts', '../tools/index.ts'],
    ['src/conversation/providers/x.ts', 'openai'],
    ['src/channels/sms/x.ts', 'twilio'],
    ['src/channels/sms/x.ts', '../../contract/notifier.ts'],
    ['src/channels/sms/x.ts', '../../http/problem.ts'],
    ['src/channels/slack/x.ts', '@slack/bolt'],
    ['src/channels/teams/x.ts', '@microsoft/agents-hosting'],
    ['src/jobs/x.ts', '../contract/notifier.ts'],
    ['src/jobs/x.ts', 'pg-boss'],
    ['src/ops/x.ts', '../contract/notifier.ts'],
    ['src/api/x.ts', '../engine/api.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await firedRules(file, specifier)).toEqual([]);
  });

  it('cannot be switched off with an inline comment', async () => {
    const [result] = await eslint.lintText(
      "// eslint-disable-next-line no-restricted-imports\nimport * as m from '../db/client.ts';\nexport const used = m;\n",
      { filePath: path.join(ROOT, 'src/engine/x.ts') },
    );
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
  });

  it('refuses an import cycle (import-x/no-cycle)', async () => {
    // availability.ts imports time.ts: time.ts importing it back closes a cycle.
    const [result] = await eslint.lintText("import { availableSlots } from './availability.ts';\nexport const used = availableSlots;\n", {
      filePath: path.join(ROOT, 'src/engine/time.ts'),
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});

// ESLint's no-cycle ignores type-only imports; a cycle of types still ties two modules
// together, so the whole source graph is checked here too.
describe('the source import graph', () => {
  it('has no cycle, type-only imports included', () => {
    expect(findCycles(sourceGraph(path.join(ROOT, 'src')))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

function sourceGraph(dir: string): Map<string, string[]> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
    .map((f) => path.join(dir, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1]!);
    graph.set(
      path.relative(dir, file),
      specifiers.map((s) => path.relative(dir, path.resolve(path.dirname(file), s))),
    );
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) !== indexOf.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules in eslint.config.js, shown to bite: each case lints a
// one-line file at a path inside a layer and expects the import to be refused.

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${specifier}';\nexport const used = m;\n`, {
    filePath: path.join(ROOT, file),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['src/engine/x.ts', '../db/client.ts'],
    ['src/engine/x.ts', '../generated/prisma/client.ts'],
    ['src/engine/x.ts', '@prisma/client'],
    ['src/engine/x.ts', 'pg'],
    ['src/engine/x.ts', '../conversation/contract.ts'],
    ['src/engine/x.ts', '../channels/sms/webhook.ts'],
    ['src/engine/x.ts', '../api/problem.ts'],
    ['src/engine/x.ts', 'express'],
    ['src/engine/sub/x.ts', '../../jobs/boss.ts'],
    ['src/conversation/x.ts', '../channels/sms/webhook.ts'],
    ['src/conversation/x.ts', '../api/schemas/intake.ts'],
    ['src/conversation/x.ts', 'twilio'],
    ['src/conversation/x.ts', '@slack/bolt'],
    ['src/conversation/x.ts', 'express'],
    ['src/conversation/providers/x.ts', '../../engine/api.ts'],
    ['src/conversation/providers/x.ts', '../../db/client.ts'],
    ['src/channels/sms/x.ts', '../slack/app.ts'],
    ['src/channels/sms/x.ts', '@slack/bolt'],
    ['src/channels/sms/x.ts', 'botbuilder'],
    ['src/channels/slack/x.ts', '../sms/webhook.ts'],
    ['src/channels/slack/x.ts', 'twilio'],
    ['src/channels/teams/x.ts', '../slack/app.ts'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).not.toEqual([]);
  });

  it.each([
    ['src/engine/x.ts', 'luxon'],
    ['src/engine/x.ts', './api.ts'],
    ['src/conversation/x.ts', '../engine/api.ts'],
    ['src/conversation/providers/x.ts', '../tools/index.ts'],
    ['src/conversation/providers/x.ts', 'openai'],
    ['src/channels/sms/x.ts', 'twilio'],
    ['src/channels/sms/x.ts', '../../conversation/contract.ts'],
    ['src/api/x.ts', '../engine/api.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });

  it('cannot be switched off with an inline comment', async () => {
    const [result] = await eslint.lintText(
      "// eslint-disable-next-line no-restricted-imports\nimport * as m from '../db/client.ts';\nexport const used = m;\n",
      { filePath: path.join(ROOT, 'src/engine/x.ts') },
    );
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
  });
});

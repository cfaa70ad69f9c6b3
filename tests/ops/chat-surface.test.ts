import { describe, expect, it } from 'vitest';
import { OPS_FAILED, opsWithCard } from '../../src/context.ts';
import type { OpsActor } from '../../src/contract/ops.ts';
import type { PrismaClient } from '../../src/db/client.ts';
import type { Logger } from '../../src/log.ts';
import { OpsError, type Ops } from '../../src/ops/index.ts';

// The ops core as a chat surface (Slack, Teams) runs it: one wrapper answers the
// presser for every channel. A refusal is the core's own words; anything unexpected is
// logged once, naming the surface, and answered with OPS_FAILED instead of throwing.

const actor: OpsActor = { userId: null, role: 'manager', via: 'teams', displayName: 'Mia' };

function surface(failure: Error) {
  const logged: Array<{ fields: Record<string, unknown>; message: string }> = [];
  const log = { error: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }) } as unknown as Logger;
  const ops = {
    execute: async () => {
      throw failure;
    },
  } as unknown as Ops;
  return { logged, chat: opsWithCard({ db: {} as PrismaClient, ops, log }) };
}

describe('opsWithCard', () => {
  it('answers an unexpected failure with OPS_FAILED and logs it with the surface', async () => {
    const { logged, chat } = surface(new Error('connection reset'));
    expect(await chat.execute({ kind: 'take', exceptionId: 'e1' }, actor)).toEqual({ ok: false, message: OPS_FAILED });
    expect(logged).toMatchObject([{ fields: { command: 'take', exceptionId: 'e1' }, message: 'an ops command from teams failed' }]);
  });

  it("answers the core's refusal with its own message and logs nothing", async () => {
    const { logged, chat } = surface(new OpsError('forbidden', 'Viewers cannot take exceptions.'));
    expect(await chat.execute({ kind: 'take', exceptionId: 'e1' }, actor)).toEqual({ ok: false, message: 'Viewers cannot take exceptions.' });
    expect(logged).toEqual([]);
  });
});

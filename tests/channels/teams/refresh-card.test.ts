import { describe, expect, it } from 'vitest';
import type { ConversationReference } from '@microsoft/agents-activity';
import type { AdaptiveCard } from '../../../src/channels/teams/cards.ts';
import type { Connector } from '../../../src/channels/teams/connector.ts';
import { createTeamsNotifier } from '../../../src/channels/teams/notifier.ts';
import type { SentRef, StoredReference, TeamsStore } from '../../../src/channels/teams/ports.ts';
import type { Notice } from '../../../src/contract/notifier.ts';

// An exception worked outside Teams (the admin API, the dashboard, Slack): the Teams
// notifier replaces the exception's card in place and says the step in its thread,
// once per key; without a card in that conversation it does nothing and remembers nothing.

const CHANNEL = '19:ops@thread.tacv2';
const channelRef: StoredReference = { conversationId: CHANNEL, conversationType: 'channel', userAadObjectId: null, reference: { serviceUrl: 'https://smba.example/', conversation: { id: CHANNEL } } };

function harness(card: SentRef | null) {
  const posted = new Map<string, string | null>();
  const calls: Array<{ op: 'send' | 'update'; conversationId: string; activityId?: string; card: AdaptiveCard }> = [];
  const store = {
    conversation: async (id: string) => (id === CHANNEL ? channelRef : null),
    exceptionCard: async () => card,
    claimNotice: async (key: string) => (posted.has(key) ? false : (posted.set(key, null), true)),
    notePosted: async (key: string, id: string) => void posted.set(key, id),
    releaseNotice: async (key: string) => void posted.delete(key),
    postedByKey: async (key: string) => (posted.get(key) ? { conversationId: CHANNEL, activityId: posted.get(key)! } : null),
  } as unknown as TeamsStore;
  const connector: Connector = {
    async send(reference: ConversationReference, c: AdaptiveCard) {
      calls.push({ op: 'send', conversationId: reference.conversation.id, card: c });
      return `reply-${calls.length}`;
    },
    async update(reference: ConversationReference, activityId: string, c: AdaptiveCard) {
      calls.push({ op: 'update', conversationId: reference.conversation.id, activityId, card: c });
    },
  };
  const notifier = createTeamsNotifier({ config: { TEAMS_APP_ID: 'app', TEAMS_TENANT_ID: 'tenant', TEAMS_SERVICE_URL: 'https://smba.example/' }, store, connector });
  return { notifier, calls, posted };
}

const update: Notice = {
  kind: 'exception_update',
  to: { channel: 'teams', address: CHANNEL },
  idempotencyKey: 'exception_update:a1',
  exceptionId: 'e1',
  text: 'Customer asked for a person: Ana\nStatus: resolved · raised 2026-12-01 14:00 UTC\nClosed: called back',
  choices: [],
  step: 'Mia resolved this on the ops dashboard: called back.',
};

const texts = (card: AdaptiveCard) => JSON.stringify(card);

describe('the Teams notifier, for a step taken elsewhere', () => {
  it('replaces the card in place and says the step in its thread, once', async () => {
    const { notifier, calls } = harness({ conversationId: CHANNEL, activityId: 'card-1' });
    expect(await notifier.send(update)).toEqual({ messageId: 'reply-2', status: 'sent', duplicate: false });
    expect(calls.map((c) => [c.op, c.conversationId, c.activityId])).toEqual([
      ['update', CHANNEL, 'card-1'],
      ['send', `${CHANNEL};messageid=card-1`, undefined],
    ]);
    expect(texts(calls[0]!.card)).toContain('Status: resolved');
    expect(texts(calls[1]!.card)).toContain('Mia resolved this on the ops dashboard: called back.');
    expect(await notifier.send(update)).toMatchObject({ duplicate: true });
    expect(calls).toHaveLength(2);
  });

  it('does nothing, and remembers nothing, where the exception has no card', async () => {
    const { notifier, calls, posted } = harness(null);
    expect(await notifier.send(update)).toMatchObject({ status: 'suppressed', duplicate: false });
    expect(calls).toEqual([]);
    expect(posted.size).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationLocation } from '../../src/conversation/state-view.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { seedBasics, type Basics } from '../channels/sms/helpers.ts';

// Channels learn which location a conversation is about from the conversation layer,
// the only reader of its state JSON.

let t: TestDatabase;
let basics: Basics;

beforeAll(async () => {
  t = await createTestDatabase();
  basics = await seedBasics(t.db);
});
afterAll(() => t.drop());

const proposal = (locationId: string) => ({
  id: 'p1',
  kind: 'book',
  awaiting: 'confirmation',
  serviceId: 's1',
  locationId,
  summary: 'Cleaning on Thu',
  createdAt: '2026-12-01T14:00:00Z',
});
const offer = (locationId: string) => ({
  id: 'o1',
  serviceId: 's1',
  start: '2026-12-03T15:00:00Z',
  end: '2026-12-03T15:30:00Z',
  resourceIds: [],
  locationId,
  label: 'Thu 10:00 AM',
  expiresAt: '2026-12-01T15:00:00Z',
});

async function conversation(externalId: string, state: unknown): Promise<string> {
  const row = await t.db.conversation.create({ data: { channel: 'sms', externalId, state: state as object } });
  return row.id;
}

const where = (id: string) => conversationLocation(t.db, id);

describe('conversationLocation', () => {
  it('is the pending proposal’s location, else the first offer’s', async () => {
    const other = (await t.db.location.create({ data: { businessId: basics.businessId, name: 'Uptown', timeZone: 'America/Chicago', address: '9 Elm St' } })).id;
    expect(await where(await conversation('+12125550701', { proposal: proposal(other), offers: [offer(basics.locationId)] }))).toBe(other);
    expect(await where(await conversation('+12125550702', { offers: [offer(basics.locationId)] }))).toBe(basics.locationId);
  });

  it('is null when the state names none, or cannot be read', async () => {
    expect(await where(await conversation('+12125550703', {}))).toBeNull();
    expect(await where(await conversation('+12125550704', { offers: 'garbled' }))).toBeNull();
    expect(await where('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});

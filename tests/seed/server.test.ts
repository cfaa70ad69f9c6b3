import { describe, expect, it } from 'vitest';
import { startFrontdesk } from '../../src/server.ts';
import { startTestServer } from '../support/server.ts';

// Starting the server on an empty database seeds the demo and says so, once;
// FRONTDESK_SEED=none leaves the database empty.

const start = startTestServer;

describe('demo seeding at start', () => {
  it('seeds an empty database and says so; a restart does not seed again', async () => {
    const { t, lines, config, log, frontdesk } = await start({});
    await frontdesk.stop();
    const seeded = lines.filter((l) => l.includes('Seeded demo business'));
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatch(/Maple & Main Hair Studio.*6 services/);
    expect(await t.db.appointment.count()).toBe(6);

    const before = lines.length;
    const again = await startFrontdesk(config, log);
    await again.stop();
    expect(lines.slice(before).some((l) => l.includes('Seeded demo business'))).toBe(false);
    expect(await t.db.business.count()).toBe(1);
  });

  it('leaves the database empty with FRONTDESK_SEED=none', async () => {
    const { t, lines, frontdesk } = await start({ FRONTDESK_SEED: 'none' });
    await frontdesk.stop();
    expect(lines.some((l) => l.includes('Seeded demo business'))).toBe(false);
    expect(await t.db.business.count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Dialog, runDialog } from './support/dialog-runner.ts';

// Two provider and tool behaviours, judged on the database end state (set 11's r121, r102):
// the service a price question named is the one a time said next books, unless another is
// named; and the horizon's last day is open all day, while a time the day after it is answered
// with the horizon, never with a "no openings" alert to staff.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const dialogs: Array<Record<string, unknown>> = [
  {
    name: 'how much is a trim → a day and time then books a haircut',
    turns: ['how much for a trim?', { say: 'nice, tues the 8th at 3:30 then', expect: ['Haircut', 'Dec 8', '3:30 PM'] }, 'yes'],
    expect: { appointments: [{ service: 'haircut', start: '2026-12-08 15:30', status: 'confirmed' }] },
  },
  {
    name: 'whats a color cost → a time books color',
    turns: ['whats a color cost these days', { say: 'ok can i do mon the 14th at 9', expect: ['Color', 'Dec 14', '9:00 AM'] }, 'yes'],
    expect: { appointments: [{ service: 'color', start: '2026-12-14 09:00', status: 'confirmed', staff: 'Dana' }] },
  },
  {
    name: 'price of a haircut, then another service named with the time',
    turns: ['price of a haircut?', { say: 'and a color thurs the 10th at 1?', expect: ['Color', 'Dec 10', '1:00 PM'] }, 'yes'],
    expect: { appointments: [{ service: 'color', start: '2026-12-10 13:00', status: 'confirmed', staff: 'Dana' }] },
  },
  {
    name: "the horizon's last day past the hour it is now is still open",
    turns: [{ say: 'trim on jan 30 at 3 pls', expect: ['Jan 30', '3:00 PM'] }, 'yes'],
    expect: { appointments: [{ service: 'haircut', start: '2027-01-30 15:00', status: 'confirmed' }], exceptions: [] },
  },
  {
    name: 'the day after the horizon is answered with the horizon, no alert',
    turns: [{ say: 'trim on mon feb 1 at 3 pls', expect: ['60 days', 'through Sat Jan 30'] }],
    expect: { appointments: [], exceptions: [] },
  },
];

describe("a service asked about, then a time; the horizon's last day and the day after", () => {
  for (const raw of dialogs) {
    const dialog = Dialog.parse(raw);
    it(dialog.name, async () => {
      const result = await runDialog(t, dialog);
      expect(result.failures, `${result.failures.join('\n')}\n${result.transcript}`).toEqual([]);
    });
  }
});

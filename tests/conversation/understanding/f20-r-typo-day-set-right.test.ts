import { describe, expect, it } from 'vitest';
import { restatesDay } from '../../../src/conversation/turn/restates-proposal.ts';
import type { Proposal } from '../../../src/conversation/state.ts';
import { NY } from './fixtures.ts';

// A day said again at a summary to set a typo right ("cancel my appt on the 8rh", then "8th
// sorry fat fingers"): the summary's own day, with an apology, changes nothing (issue 14, set 19).

const proposal = (over: Partial<Proposal>): Proposal =>
  ({
    id: 'p1', kind: 'cancel', awaiting: 'confirmation', offerId: null, appointmentId: 'a1', alsoAppointmentIds: [], holdId: null,
    serviceId: 'svc-cut', start: null, resourceIds: [], locationId: null, intake: {}, intakeMissing: [], intakeSkipped: [],
    intakeQuestionId: null, intakeAttempts: 0, attachments: [], summary: 'Cancel your Haircut on Tue Dec 8, 2:30 PM? Reply Y to confirm or N to keep it.',
    createdAt: '2026-12-01T14:00:00Z', ...over,
  }) as Proposal;

describe('the summary day said again with an apology restates it', () => {
  it.each(['8th sorry fat fingers lol', 'sorry, the 8th', 'i meant 8th, typo', '*8th', 'oops 8th'])('%s', (text) => {
    expect(restatesDay(text, proposal({}), NY)).toBe(true);
  });

  it('a booking summary, by its start', () => {
    const p = proposal({ kind: 'book', start: '2026-12-15T19:00:00.000Z', summary: 'Book Haircut on Tue Dec 15, 2:00 PM with Dana at Main St?' });
    expect(restatesDay('15th sorry typo', p, NY)).toBe(true);
  });
});

describe('near misses change nothing here', () => {
  it.each([
    ['8th', 'no apology: a pick or a request, read as before'],
    ['sorry i meant the 9th', 'another day'],
    ['sorry 8th at 4', 'a time too'],
    ['sorry not the 8th', 'a day ruled out'],
    ['oops 8th, move it to the 10th instead', 'a move'],
  ])('%s (%s)', (text) => {
    expect(restatesDay(text, proposal({}), NY)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../../src/conversation/intake-answers/yes-no.ts';
import { noneOnDaySaid } from '../../../src/conversation/providers/offline/which-appointment.ts';

const FIRST_VISIT = 'Is this your first visit with us? (Y/N)';

// Round 21, fixer t: a yes/no taken back in the same text answers with what follows the correction.
describe('an intake yes/no taken back in the same text', () => {
  it.each([
    ['yes.. actually no sorry, i came once last year', false],
    ['yes.. actually no', false],
    ['no wait yes', true],
    ['no wait, first time actually', true],
    ['no, i mean yes, never been', true],
    ['yep - oops, no, been in before', false],
    ['actually no, been here before', false],
  ])('%j → %s', (text, want) => {
    expect(readYesNo(text, FIRST_VISIT)).toBe(want);
  });

  it.each([['yes sorry', true], ['no sorry', false], ['yes', true], ['nope', false], ['yes actually', true], ['no sorry thanks', false]])(
    '%j: an apology after the answer takes nothing back (%s)',
    (text, want) => {
      expect(readYesNo(text, FIRST_VISIT)).toBe(want);
    },
  );
});

describe("another's booking named by a whole day on which the sender has nothing", () => {
  const zone = 'America/New_York';
  const fri = [{ appointment_ref: 'A1', service: 'Haircut', label: 'Haircut, Fri Dec 4, 11:00 AM', start_local: '2026-12-04T11:00:00' }];
  const thu = { from: '2026-12-03T05:00:00.000Z', to: '2026-12-04T05:00:00.000Z' };
  it('nothing on that thursday: none on the day said', () => {
    expect(noneOnDaySaid(fri, { ...thu, byWeekday: true }, zone)).toBe(true);
  });
  it('a booking on a thursday of another week, said by weekday: maybe the one meant', () => {
    const nextThu = [{ ...fri[0]!, start_local: '2026-12-10T11:00:00' }];
    expect(noneOnDaySaid(nextThu, { ...thu, byWeekday: true }, zone)).toBe(false);
  });
  it('a clock time or a time alone says nothing here', () => {
    expect(noneOnDaySaid(fri, { from: '2026-12-03T16:00:00.000Z', to: '2026-12-03T16:01:00.000Z', exactTime: true }, zone)).toBe(false);
    expect(noneOnDaySaid(fri, { ...thu, dayNamed: false }, zone)).toBe(false);
  });
});

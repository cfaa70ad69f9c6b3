import { describe, expect, it } from 'vitest';
import { onWeekdayDiscussed, withDaySaid } from '../../../src/conversation/providers/offline/weekday-discussed.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from '../understanding/fixtures.ts';

// f22-w (set 10's p091 and p069, set 9's m091): a weekday said alone again means the day of that
// weekday already talked about ("thursday dec 10 at 3" ... "friday the 11th?" ... "no, thursday
// is better"), and next to a day the customer named, the day after it ("thurs dec 10 morning" ...
// "none of those, fri morning?").

const zone = 'America/New_York';
const view = (locals: string[]) => ({ timeZone: zone, offers: locals.map((local) => ({ id: local, label: local, start: local, local, forAppointmentRef: null })) }) as unknown as ProviderView;
const said = (text: string, v: ProviderView, days: string[]) => localNY(onWeekdayDiscussed(v, understand(text, ctxOnDec1('choice')), days).when?.from);

describe('a weekday said alone again', () => {
  it.each([
    ['no no thursday is better, thursday at 3', view(['2026-12-11T15:00']), ['2026-12-10', '2026-12-11'], '2026-12-10 15:00'],
    ['ok keep saturday at noon then', view(['2026-12-14T09:00']), ['2026-12-12', '2026-12-13'], '2026-12-12 12:00'],
    ['back to thurs at 2 pls', view([]), ['2026-12-17'], '2026-12-17 14:00'],
  ])('%j is the day talked about', (text, v, days, at) => {
    expect(said(text, v, days)).toBe(at);
  });

  it.each([
    ['hmm none of those work. fri morning instead?', '2026-12-11 00:00'],
    ['fri at 9 then?', '2026-12-11 09:00'],
  ])('%j next to a day the customer named is the day after it', (text, at) => {
    expect(said(text, view(['2026-12-10T09:00']), ['2026-12-10'])).toBe(at);
  });

  it.each([
    // Offers on a day the customer never named (the nearest ones): the weekday is the nearest.
    ['fri at 9 then?', view(['2026-12-10T09:00']), [], '2026-12-04 09:00'],
    // A weekday no day talked about has.
    ['tuesday at 3', view([]), ['2026-12-10'], '2026-12-08 15:00'],
    // A day named with its date stays that date.
    ['thursday the 3rd at 2', view([]), ['2026-12-10'], '2026-12-03 14:00'],
  ])('%j stays the day it names', (text, v, days, at) => {
    expect(said(text, v, days)).toBe(at);
  });
});

describe('the days said', () => {
  const v = view([]);
  it('keeps the last few single days, a week or a time alone adds none', () => {
    const one = withDaySaid(v, undefined, understand('thurs dec 10 morning', ctxOnDec1()));
    expect(one).toEqual(['2026-12-10']);
    expect(withDaySaid(v, one, understand('next week', ctxOnDec1()))).toEqual(['2026-12-10']);
    expect(withDaySaid(v, one, understand('3:30', ctxOnDec1('choice')))).toEqual(['2026-12-10']);
    expect(withDaySaid(v, one, understand('fri the 11th at 2', ctxOnDec1()))).toEqual(['2026-12-10', '2026-12-11']);
  });
});

describe('a day naming a booking is not said as a day to book', () => {
  it.each(['how much notice do you need to reschedule my thursday appt?', 'move my thursday cut', 'cancel friday'])('%j adds none', (text) => {
    expect(withDaySaid(view([]), undefined, understand(text, ctxOnDec1()))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { withoutBusyDay } from '../../../src/conversation/understanding/day-busy.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksSameStaff } from '../../../src/conversation/understanding/same-staff.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f22-w (set 7's i91): "oh wait i work saturday. monday morning instead?": the day the customer
// cannot come is the reason, the day asked is the other one.
describe('a day the customer cannot come, beside the day asked', () => {
  it.each([
    ['oh wait i work saturday. monday morning instead?', '2026-12-07 00:00'],
    ['im busy fri, thurs at 2?', '2026-12-03 14:00'],
    ['i work saturdays so can i do monday at 10', '2026-12-07 10:00'],
    ["i can't do wednesday, tmrw is out too, how about thursday at 11", '2026-12-03 11:00'],
    ['i am working tuesday. wed at 3 then', '2026-12-02 15:00'],
  ])('%j asks for %s', (text, at) => {
    expect(localNY(understand(text, { ...ctxOnDec1('choice'), optionCount: 4 }).when?.from)).toBe(at);
  });

  it.each(['i work saturday', "i'm off friday, can i come then?", 'i work at 5 on friday, anything before?'])('%j keeps its day', (text) => {
    expect(withoutBusyDay(text)).toBe(text);
  });
});

// f22-w (set 10's p059): "my son ... with the same stylist right after" is with that booking's person.
describe('the same stylist as a booking', () => {
  it.each(['can my son get a cut with the same stylist right after', 'same lady as my color pls', 'with whoever im booked with', 'the same person as me'])('%j asks for the same person', (text) => {
    expect(asksSameStaff(text)).toBe(true);
  });

  it.each(['same time as my color', 'the same one as last time', 'not the same person please', 'same day as mine'])('%j does not', (text) => {
    expect(asksSameStaff(text)).toBe(false);
  });

  it('is read beside the booking it is placed by', () => {
    const u = understand("i'm booked dec 10 at 3. can my son get a cut with the same stylist right after, 3:30?", ctxOnDec1());
    expect(u.sameStaff).toBe(true);
    expect(u.nextTo?.edge).toBe('end');
  });
});

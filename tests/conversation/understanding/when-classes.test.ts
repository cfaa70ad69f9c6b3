import { describe, expect, it } from 'vitest';
import { parseChoice, parseWhen, understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { spellTimes } from '../../../src/conversation/understanding/text.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// WHEN-classes behind the second held-out set's failures (issue 14), each in wordings the
// dialogs do not use: a time said after other words, windows (plural, ruled out, end of
// day), a change of mind inside one message, and a pick among the offers by its hour.

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const ctx = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ now: NOW, timeZone: NY, services: SERVICES, staff: STAFF, expecting, optionCount: 4 });
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');
const window = (text: string) => {
  const w = parseWhen(text, NOW, NY);
  return [wall(w?.from), wall(w?.to)];
};

describe('an exact time said after other words', () => {
  it.each([
    // in words
    ['could you fit me in thursday at ten fifteen', '2026-10-29T10:15'],
    ['color on friday at quarter to three', '2026-10-30T14:45'],
    ['fri at half past 11', '2026-10-30T11:30'],
    ['mani monday at eleven forty-five', '2026-11-02T11:45'],
    ['saturday at one', '2026-10-31T13:00'],
    // digits without their colon
    ['need a cut tomorrow around 945', '2026-10-29T09:45'],
    ['monday at 1145am', '2026-11-02T11:45'],
    ['friday 230pm', '2026-10-30T14:30'],
    // relative days that chrono reads only in part
    ['two weeks from monday at 2', '2026-11-16T14:00'],
    ['day after tomorrow around 4', '2026-10-30T16:00'],
    ['3 days from now at noon', '2026-10-31T12:00'],
    ['a week from tomorrow at 9:30', '2026-11-05T09:30'],
    // a time before an ordinal day: the minutes are not the day
    ['11:15 on the 2nd', '2026-11-02T11:15'],
    ['is 4:30 on the 29th free', '2026-10-29T16:30'],
  ])('%j → %s', (text, from) => {
    const w = parseWhen(text, NOW, NY);
    expect([wall(w?.from), w?.exactTime]).toEqual([from, true]);
  });

  it('reads a span written in words', () => {
    expect(window('between two and four on friday')).toEqual(['2026-10-30T14:00', '2026-10-30T16:00']);
  });

  it.each([
    ['two people at 3', 'two people at 3'],
    ['a table for two', 'a table for two'],
    ['at one of your salons', 'at one of your salons'],
    ['room for 1030', 'room for 1030'],
    ['after two weeks', 'after two weeks'],
  ])('leaves numbers that are not times alone: %j', (text, spelled) => {
    expect(spellTimes(text)).toBe(spelled);
  });

  it('books "the day after tomorrow at 1pm" instead of reading a move of a booking', () => {
    const u = understand('a trim the day after tomorrow at 1pm', ctx());
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-cut' });
    expect(u.shift).toBeUndefined();
    expect(wall(u.when?.from)).toBe('2026-10-30T13:00');
    // Said alone, "the day after" is still relative to a booking.
    expect(parseShift('can i come the day after')).toMatchObject({ days: 1 });
  });
});

describe('windows', () => {
  it.each([
    // plural parts of day
    ['evenings work best for me, any time friday?', '2026-10-30T17:00', '2026-10-30T21:00'],
    ['i prefer afternoons, thursday', '2026-10-29T12:00', '2026-10-29T17:00'],
    ['thur aft', '2026-10-29T12:00', '2026-10-29T17:00'],
    // a part of day ruled out leaves the rest of the day
    ['mornings are no good, saturday?', '2026-10-31T12:00', '2026-11-01T00:00'],
    ["i can't do evenings, friday", '2026-10-30T00:00', '2026-10-30T17:00'],
    // ruled out beside another: the other one
    ['no mornings, afternoons friday', '2026-10-30T12:00', '2026-10-30T17:00'],
    // a day ruled out is not the day
    ["tomorrow doesn't work, how about friday", '2026-10-30T00:00', '2026-10-31T00:00'],
    ['not monday, tuesday is better', '2026-11-03T00:00', '2026-11-04T00:00'],
  ])('%j → %s – %s', (text, from, to) => {
    expect(window(text)).toEqual([from, to]);
  });

  it.each(['end of the day tuesday', 'last thing in the day on tuesday', 'right before you close on tuesday', 'tuesday close of business'])('%j is the latest on that day', (text) => {
    const w = parseWhen(text, NOW, NY);
    expect(w?.latest).toBe(true);
    expect(wall(w?.from)?.slice(0, 10)).toBe('2026-11-03');
  });

  it('a bare no before one day answers no and names the day; a time beside a ruled-out part of day is the time', () => {
    expect(window('no tomorrow works')).toEqual(['2026-10-29T00:00', '2026-10-30T00:00']);
    expect(window('no mornings, 3pm friday')).toEqual(['2026-10-30T15:00', '2026-10-30T15:01']);
  });

  it('a day ruled out alone leaves no window', () => {
    expect(parseWhen('no, not thursday', NOW, NY)).toBeUndefined();
    expect(parseWhen("fridays don't work", NOW, NY)).toBeUndefined();
  });

  it.each([
    ['nah none of those, anything after 5?', '2026-10-28T17:00'],
    ['no, mornings dont work. afternoon?', '2026-10-28T12:00'],
    ['not those, something in the evening', '2026-10-28T17:00'],
  ])('a no to the offers keeps the window it gives: %j', (text, from) => {
    const u = understand(text, ctx('choice'));
    expect(u).toMatchObject({ intent: 'decline', answer: 'no' });
    expect(wall(u.when?.from)).toBe(from);
  });

  it('a refusal with nothing left to look for is a plain no', () => {
    expect(understand('no, not thursday', ctx('confirmation'))).toMatchObject({ intent: 'decline', answer: 'no' });
    expect(understand('no, not thursday', ctx('confirmation')).when).toBeUndefined();
    // "keep it" names what stays, not a new time.
    expect(understand('no keep my friday one', ctx()).when).toBeUndefined();
  });

  it('"ok what about 4" is a new time, not a yes', () => {
    // Read as a pick of that time (what-classes.test.ts): the provider searches it when no offer has it.
    for (const [text, hour] of [['ok what about 4', 16], ['sure, how about noon', 12]] as const) {
      const u = understand(text, ctx());
      expect(u.intent, text).toBe('choose');
      expect(u.choiceTime?.hour, text).toBe(hour);
    }
    const day = understand('ok but what about friday', ctx());
    expect(day.intent).not.toBe('confirm');
    expect(day.when?.dayNamed).toBe(true);
    expect(understand('ok', ctx()).intent).toBe('confirm');
  });
});

describe('a change of mind inside one message: the last said wins', () => {
  it.each([
    ['thursday at 2, no wait, 2:30', '2026-10-29T14:30', '2026-10-29T14:31'],
    ['saturday at 11 actually sunday', '2026-11-01T11:00', '2026-11-01T11:01'],
    ['tmrw 4pm sorry i mean 5pm', '2026-10-29T17:00', '2026-10-29T17:01'],
    ['mon at 10 or rather tues', '2026-11-03T10:00', '2026-11-03T10:01'],
    ['friday morning, actually make it the afternoon', '2026-10-30T12:00', '2026-10-30T17:00'],
    ['at 3 on friday, no wait 4', '2026-10-30T16:00', '2026-10-30T16:01'],
  ])('%j → %s – %s', (text, from, to) => {
    expect(window(text)).toEqual([from, to]);
  });

  it.each([
    ['i actually need a trim friday at 3', '2026-10-30T15:00'],
    ['sorry for the late reply, friday at 3 works', '2026-10-30T15:00'],
    ["can't wait, friday at 3", '2026-10-30T15:00'],
  ])('a word of correction with nothing taken back changes nothing: %j', (text, from) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(from);
  });

  it.each([
    ['the 3pm one, no wait the 4pm', { time: { hour: 16, minute: 0 } }],
    ['1 actually 2', { index: 1 }],
    ['at 2 sorry i mean 2:30', { time: { hour: 14, minute: 30 } }],
  ])('a pick taken back: %j', (text, want) => {
    expect(parseChoice(text, 4)).toMatchObject(want);
  });
});

describe('picking among the offers by the hour', () => {
  it.each([
    ['9 then', { hour: 9, minute: 0 }],
    ['ok 11 works', { hour: 11, minute: 0 }],
    ['lets just do 5', { hour: 17, minute: 0 }],
    ['1045', { hour: 10, minute: 45 }],
    ['two thirty', { hour: 14, minute: 30 }],
  ])('%j → %o', (text, time) => {
    const c = parseChoice(text, 4);
    expect(c.time).toEqual(time);
    expect(c.index).toBeUndefined();
  });

  it('a number that is an option stays the option', () => {
    expect(parseChoice('2 then', 4)).toEqual({ index: 1 });
    expect(parseChoice('3 works', 4)).toEqual({ index: 2 });
  });

  it('reads the hour as a pick while offers are on screen', () => {
    expect(understand('10 then', ctx('choice'))).toMatchObject({ intent: 'choose', choiceTime: { hour: 10, minute: 0 } });
  });
});

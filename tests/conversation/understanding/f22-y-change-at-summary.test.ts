import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withKeptDay } from '../../../src/conversation/understanding/kept-day.ts';
import { putsOff } from '../../../src/conversation/understanding/leaves-for-now.ts';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';
import { onlyOneMeant } from '../../../src/conversation/understanding/only-one.ts';
import { withServiceTakenBack } from '../../../src/conversation/understanding/service-taken-back.ts';
import { ctxOnDec1, localNY, SERVICES } from './fixtures.ts';

// f22-y: changes of mind at a summary (sets 6, 7, 9, 13, 15): one of several cancels kept,
// a service said with why it is not wanted then another instead, a talk-first reason followed
// by a booking in its place, a day kept while the time changes, a month's day before "instead".

describe('a summary of several cancels narrowed to one', () => {
  it.each([
    ['wait no, just the haircut. keep the color', 'svc-cut'],
    ['hold on, just the color on the 14th. keep the haircut', 'svc-color'],
    ['only the trim please', 'svc-cut'],
    ['no no, just cancel the dye one', 'svc-color'],
    ['actually only cancel the haircut, the color stays', 'svc-cut'],
  ])('%j names one booking', (text, service) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.onlyOne).toBe(true);
    expect(u.serviceId).toBe(service);
  });

  it('the day said with it is kept', () => {
    const u = understand('hold on, just the color on the 14th. keep the haircut', ctxOnDec1('confirmation'));
    expect(localNY(u.when?.from)).toBe('2026-12-14 00:00');
  });

  it.each(['just checking', 'only if its free', 'i just want a haircut', 'yes just do it', 'just the'])('not %j', (text) => {
    expect(onlyOneMeant(text)).toBeUndefined();
  });

  it('only at a summary', () => {
    expect(understand('just the haircut', ctxOnDec1()).onlyOne).toBeUndefined();
  });
});

describe('a service said with why it is not wanted, another asked in its place', () => {
  it.each([
    ['ugh wait color is too much rn, can i just do a trim at 3 instead', 'svc-cut'],
    ['actually the dye is too pricey, a cut instead please', 'svc-cut'],
    ['highlights sound like a lot, maybe just a trim', 'svc-cut'],
    ['the haircut seems like overkill, just highlights instead', 'svc-color'],
  ])('%j', (text, service) => {
    expect(understand(text, ctxOnDec1('confirmation')).serviceId).toBe(service);
  });

  it.each(['color is too much, can i book a trim too', 'the color is great, and a trim after'])('not %j: nothing is asked in its place', (text) => {
    expect(withServiceTakenBack(text, SERVICES)).toBe(text);
  });
});

describe('a talk-first reason followed by a booking asked in its place', () => {
  it.each([
    'hmm actually maybe i should talk it through first. can i do a manicure instead at the same time?',
    'i need to talk to my wife first, can i do a trim instead',
    'should talk to someone first so could we book a facial instead',
  ])('%j puts nothing off', (text) => {
    expect(putsOff(text)).toBe(false);
  });

  it.each(['need to check with my boss first', 'i should talk to my husband first, ill text later', 'need to check first, instead of guessing'])('%j is put off', (text) => {
    expect(putsOff(text)).toBe(true);
  });
});

describe('a day kept while the time changes', () => {
  it.each([
    ['actually keep it wednesday but can we make it noon instead of 10', '2026-12-02 12:00'],
    ['keep it on friday but later, like 4', '2026-12-04 16:00'],
    ["keep it thursday, just make it 2", "2026-12-03 14:00"],
  ])('%j is the new time on that day', (text, at) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).not.toBe('decline');
    expect(localNY(u.when?.from)).toBe(at);
  });

  it.each(['keep it wednesday', 'no keep it, thanks', 'keep my color but move my cut to 3', 'keep it friday and keep dana', 'cancel monday, keep thursday, and move sat the 19th to sat the 26th'])('%j is unchanged', (text) => {
    expect(withKeptDay(text)).toBe(text);
  });
});

describe('a day of a month before "instead" is a date', () => {
  it.each(['move my color to jan 6 instead', 'can it go to dec 5 instead', 'feb 3 would be better'])('%j', (text) => {
    expect(spellNewHours(text, { expecting: null, optionCount: 0 })).toBe(text);
  });

  it.each([['can we do 3 instead', 'can we do at 3 instead'], ['i may 3 instead', 'i may at 3 instead']])('%j still spells the hour', (text, out) => {
    expect(spellNewHours(text, { expecting: null, optionCount: 0 })).toBe(out);
  });

  it('a move to jan 6 instead, same time, is on jan 6', () => {
    const u = understand('hiya, can my color on the 30th go to jan 6 instead, same time pls', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe('2027-01-06 00:00');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-30 00:00');
  });
});

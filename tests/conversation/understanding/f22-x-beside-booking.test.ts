import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withoutHadAlready } from '../../../src/conversation/understanding/had-already.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Round 22, fixer x: a request said around a booking the customer has, or beside a question.

describe('a price said back is a price question', () => {
  it.each([
    'is a haircut still 40?',
    'is it 40 for a cut?',
    'still 40 for a trim?',
    'is a color $120?',
    'is color 120 bucks?',
    'is it 35 dollars for a cut',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('business_info');
    expect(u.asksServices).toBe(true);
  });

  it('beside a booking, the booking goes on', () => {
    const u = understand('is it 40 for a cut? if so book me fri the 11th at 3', ctxOnDec1());
    expect(u.asksServices).toBe(true);
    expect(u.alsoBooks).toBe(true);
    expect(localNY(u.when?.from)).toBe('2026-12-11 15:00');
  });

  it('beside a move, asked as well', () => {
    const u = understand('hey move my thurs 5pm to fri same time, and is a haircut still 40?', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.also?.asksServices).toBe(true);
  });

  it.each(['is dec 15 open', 'is 230?', 'is it 15 min for a cut?', 'are there 20 spots', 'is 2:30 free?', 'is the 19th still open?'])('%s is no price', (text) => {
    expect(understand(text, ctxOnDec1()).asksServices).toBeUndefined();
  });
});

describe('a booking kept "as is" beside a new one asks nothing', () => {
  it.each([
    ['i also need to book a color for the 15th at 1pm. keep my thursday cut as is', '2026-12-15 13:00', 'svc-color'],
    ['leave my friday color alone, but book me a cut sat at 2', '2026-12-05 14:00', 'svc-cut'],
    ['book a trim on the 9th at 11, keep my color the same', '2026-12-09 11:00', 'svc-cut'],
  ])('%s', (text, at, service) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(localNY(u.when?.from)).toBe(at);
  });

  it('alone, it is still a no', () => {
    expect(understand('keep my thursday cut as is', ctxOnDec1()).intent).toBe('decline');
  });
});

describe('a booking told of as "already" had is not the new one', () => {
  it.each([
    ['hey its me again, i have a cut on the 10th already but can i add color fri the 11th at 9 too', '2026-12-11 09:00', 'svc-color'],
    ['i already have a cut monday but can i get a color on the 15th at 1', '2026-12-15 13:00', 'svc-color'],
    ['we have a color on the 8th already, and could we book a trim dec 12 at 10', '2026-12-12 10:00', 'svc-cut'],
  ])('%s', (text, at, service) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(localNY(u.when?.from)).toBe(at);
  });

  it.each([
    'i have a cut on the 10th already, can i add a color right after it',
    'i have a cut on the 10th, can i move it to the 11th',
    'i already have a cut monday, thanks',
  ])('%s keeps the booking told of', (text) => {
    expect(withoutHadAlready(text)).toBeUndefined();
  });
});

describe('a date said by its number wins over "the week after"', () => {
  it.each([
    ['can i also book a color for the week after, monday the 14th at 9?', '2026-12-14 09:00'],
    ['a cut the week after, the 14th at 9', '2026-12-14 09:00'],
    ['trim the following week, dec 15 at 2', '2026-12-15 14:00'],
  ])('%s', (text, at) => {
    const u = understand(text, ctxOnDec1());
    expect(u.shift).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(at);
  });

  it.each(['same time the week after', 'can i get a cut the week after at 3'])('%s still shifts', (text) => {
    expect(understand(text, ctxOnDec1()).shift?.days).toBe(7);
  });
});

describe('a yes with a business question answers both', () => {
  it.each([
    ["yes! also what's the address", 'address'],
    ['yes pls, and whats ur phone number', 'contact'],
    ['yep sounds good. what are your hours on sat?', 'hours'],
  ])('%s', (text, topic) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).toBe('confirm');
    expect(u.infoTopic).toBe(topic);
  });
});

describe('two business topics joined with "a"', () => {
  it('whats the address and a phone # in case im running late thurs', () => {
    const u = understand('whats the address and a phone # in case im running late thurs', ctxOnDec1());
    expect(u.infoTopic).toBe('address');
    expect(u.alsoTopic).toBe('contact');
  });
});

describe('another hour "the same day" after a booking was talked about changes it', () => {
  it.each(['oof thats early. could u do 11 the same day?', 'hmm could we do 2 the same day instead of that', 'ugh too early, can u do 1pm on the same day?'])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).changesBooked).toBe(true);
  });

  it.each(['can my son get a cut at 4 the same day', 'can my wife come at 3 the same day', 'a cut at 2 the same day as my color'])('%s is a booking of its own', (text) => {
    expect(understand(text, ctxOnDec1()).changesBooked).toBeUndefined();
  });
});

describe('a switch to a person said before, by a pronoun', () => {
  it.each([
    ['oh i usually see dana, can i switch to her at the same time?', 'st-dana'],
    ['ah i normally go to jose, could you switch me to him same time?', 'st-jose'],
    ['dana did it last time, can we change to her, same time', 'st-dana'],
  ])('%s', (text, staff) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.staffId).toBe(staff);
  });

  it.each(['book my son with dana, and switch to her for me too', 'can my wife book with dana too'])('%s is no switch', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('reschedule');
  });
});

import { describe, expect, it } from 'vitest';
import { matchService, parseWhen, understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// Classes of wording behind the held-out failures of issue 14, each with wordings the
// dialogs do not use: inflected service words, weekday shorthand, a day and a time apart,
// halves of a part of day, negated bounds, a move naming two dates, a question after an opener.

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const ctx = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ now: NOW, timeZone: NY, services: SERVICES, staff: STAFF, expecting, optionCount: 4 });
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');

describe('service words in the forms people put them', () => {
  it.each([
    ['i want my hair dyed', 'svc-color'],
    ['need my roots dyeing', 'svc-color'],
    ['can i get it trimmed on friday', 'svc-cut'],
    ['my nails done', 'svc-mani'],
    ['cutting my hair tomorrow', 'svc-cut'],
  ])('%j → %s', (text, id) => {
    expect(matchService(text, SERVICES)?.id).toBe(id);
  });

  it('does not stretch an inflection into another word', () => {
    expect(matchService('my dyer is broken', SERVICES)).toBeUndefined();
    expect(matchService('trimester', SERVICES)).toBeUndefined();
  });
});

describe('dates and times as customers write them', () => {
  it.each([
    // weekday shorthand and misspellings the date parser does not know
    ['colour weds 2pm', '2026-11-04T14:00', '2026-11-04T14:01'],
    ['wensday at 11', '2026-11-04T11:00', '2026-11-04T11:01'],
    ['thrs 3pm', '2026-10-29T15:00', '2026-10-29T15:01'],
    // a day and a time with other words between them
    ['friday for a trim, like 11ish', '2026-10-30T11:00', '2026-10-30T11:01'],
    ['could i come in on thursday for a cut around 4 or so', '2026-10-29T16:00', '2026-10-29T16:01'],
    ['monday afternoon, maybe 2ish?', '2026-11-02T14:00', '2026-11-02T14:01'],
    ['saturday if possible at 10:30', '2026-10-31T10:30', '2026-10-31T10:31'],
    // half of a part of day
    ['late afternoon tomorrow', '2026-10-29T15:00', '2026-10-29T18:00'],
    ['friday early afternoon', '2026-10-30T12:00', '2026-10-30T15:00'],
    ['tomorrow late morning', '2026-10-29T10:00', '2026-10-29T12:00'],
    ['early evening on thursday', '2026-10-29T17:00', '2026-10-29T19:00'],
    // negated bounds: "no later than" is an upper bound
    ['friday no later than 11am', '2026-10-30T00:00', '2026-10-30T11:00'],
    ['thursday not later than 2', '2026-10-29T00:00', '2026-10-29T14:00'],
    ['friday no earlier than 3', '2026-10-30T15:00', '2026-10-31T00:00'],
  ])('%j → %s – %s', (text, from, to) => {
    const w = parseWhen(text, NOW, NY);
    expect([wall(w?.from), wall(w?.to)]).toEqual([from, to]);
  });

  it('keeps a day and a time that chrono reads together as one', () => {
    const w = parseWhen('thursday 10am', NOW, NY);
    expect([wall(w?.from), w?.exactTime]).toEqual(['2026-10-29T10:00', true]);
  });
});

describe('a move that names two dates', () => {
  it.each([
    ['move my thursday appointment to friday at 10', '2026-10-29', '2026-10-30T10:00'],
    ['cancel my friday one and book me monday at 2 instead', '2026-10-30', '2026-11-02T14:00'],
    ['reschedule my weds appt to thurs 3pm', '2026-10-28', '2026-10-29T15:00'],
    ['can you cancel the 3pm on thursday and put me in friday at 11', '2026-10-29', '2026-10-30T11:00'],
  ])('%j: the appointment of %s moves to %s', (text, apptDay, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(wall(u.apptWhen?.from)?.slice(0, 10)).toBe(apptDay);
    expect(wall(u.when?.from)).toBe(target);
  });

  it('"move my haircut to friday at 10" asks for svc-cut', () => {
    expect(understand('move my haircut to friday at 10', ctx())).toMatchObject({ intent: 'reschedule', serviceId: 'svc-cut' });
  });

  // A move keeps its service: one service canceled for another is a cancel, the other booked after it.
  it.each([
    ['cancel my haircut and book a manicure friday at 10 instead', 'svc-cut', 'svc-mani'],
    ['cancel my thursday manicure and get me a haircut friday instead', 'svc-mani', 'svc-cut'],
  ])('%j cancels %s, then books %s', (text, canceled, booked) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'cancel', serviceId: canceled, replacedBy: booked });
  });

  it('reads one date as the new time when the first part names none', () => {
    const u = understand('move my appointment to friday at 10', ctx());
    expect(u.apptWhen).toBeUndefined();
    expect(wall(u.when?.from)).toBe('2026-10-30T10:00');
  });

  it('reads "to thursday, same time" as one new day, not two dates', () => {
    const u = understand('can i move my appt to thursday, same time', ctx());
    expect(u.apptWhen).toBeUndefined();
    expect(wall(u.when?.from)).toBe('2026-10-29T00:00');
  });
});

describe('an opener before a question', () => {
  it.each(['wait where are you located?', 'hmm what are your hours', 'oh wait when is my appointment'])('%j is answered without dropping the summary', (text) => {
    const u = understand(text, ctx('confirmation'));
    expect(['business_info', 'my_appointments']).toContain(u.intent);
    expect(u.abandons).toBeUndefined();
  });

  it('an opener before a new request still drops what was asked', () => {
    expect(understand('actually make it a color instead', ctx('confirmation'))).toMatchObject({ intent: 'book', serviceId: 'svc-color', abandons: true });
  });
});

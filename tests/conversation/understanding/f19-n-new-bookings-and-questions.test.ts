import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';
import { withServiceTakenBack } from '../../../src/conversation/understanding/service-taken-back.ts';
import { spellNthWeekdayOfMonth, spellWeekdayBesideDate } from '../../../src/conversation/understanding/weekday-of.ts';
import { DateTime } from 'luxon';
import { ctxOnDec1, localNY, NY, SERVICES } from './fixtures.ts';

// New bookings and questions around them (issue 14, set 18's failures by class): a texted ok
// before a yes, how far away the customer is, a service ruled out, an hour set against the one
// it replaces, a change supposed, how far ahead bookings open, and days counted from another.

describe('a texted ok before a yes is a yes', () => {
  it.each(['k yes', 'kk sure', 'k yep', 'okie yes please', 'kay yeah'])('%s', (text) => {
    expect(parseYesNo(text)).toBe('yes');
    expect(understand(text, ctxOnDec1('confirmation')).intent).toBe('confirm');
  });

  it.each(['k so what time', 'k no', 'k hold on is it with dana'])('%s: not a plain yes', (text) => {
    expect(parseYesNo(text)).not.toBe('yes');
  });
});

describe('how far away the customer is, is no length', () => {
  it.each([
    'i finish work at 5 and im 10 min away, anything after that on friday for a cut?',
    'a 20 minute drive for me, cut sat morning?',
    'im like 15 mins from u, trim tmrw?',
    'its a 30 min walk, color fri at 2',
  ])('%s', (text) => {
    const read = readLengthAndSize(text);
    expect(read.durationMinutes).toBeUndefined();
    expect(read.text).not.toMatch(/min/);
  });

  it('the day and window said with it stay', () => {
    const read = readLengthAndSize('i finish work at 5 and im 10 min away, anything after that on friday for a cut?');
    const u = understand(read.text, ctxOnDec1());
    expect(localNY(u.when?.from)).toBe('2026-12-04 17:00');
    expect(u.when?.exactTime).toBe(false);
  });

  it.each([['color 90 min friday', 90], ['massage for 60 minutes sat', 60]])('%s: a length asked for', (text, minutes) => {
    expect(readLengthAndSize(text).durationMinutes).toBe(minutes);
  });
});

describe('a service ruled out leaves the other asked', () => {
  const withConsult = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consultation', synonyms: ['consult'] }];
  it.each([
    ['wait nvm i dont need a consult, i just want a trim, same time', 'trim'],
    ['oh wait, actually i just want a trim, not a consult. same time', 'trim'],
    ['a haircut, not a consultation, thurs 3', 'haircut'],
    ["i don't want a color anymore, i need a massage", 'massage'],
    ['i dont need a consult anymore, just a trim pls', 'trim'],
  ])('%s', (text, kept) => {
    const said = withServiceTakenBack(text, withConsult);
    expect(said).toContain(kept);
    expect(said).not.toMatch(/consult|color/);
  });

  it('a slip corrected with "no sorry" is still the slip corrected', () => {
    expect(withServiceTakenBack('dye, no sorry, a trim tmrw at 1', withConsult)).toBe('a trim tmrw at 1');
  });

  it.each(['cut and color', 'a consult and a trim after', 'can i get a trim before my consult', 'a trim, not sure about color yet', "don't need the manicure any more, keep my facial", "i don't need the color, the haircut is still good", 'decided i dont need the consult after all, drop that one. cut and color stay', 'no need for the color anymore, the cut can stay', 'dont want the color anymore, just a trim instead, same day same time'])('%s: both stay', (text) => {
    expect(withServiceTakenBack(text, withConsult)).toBe(text);
  });
});

describe('an hour set against the one it replaces, with a part of the day', () => {
  it.each([
    ['oh i meant 9 in the morning sorry, not 5pm', '09:00'],
    ['i meant 10 in the morning, not 4', '10:00'],
    ['sorry 3 in the afternoon not 11am', '15:00'],
    ['no wait 9am, not 5', '09:00'],
  ])('%s at a proposal', (text, clock) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });

  it.each([['friday at 3 not 2 people', '2026-12-04 15:00'], ['not 5pm', '2026-12-01 17:00']])('%s: no other time, or a count', (text, at) => {
    expect(localNY(understand(text, ctxOnDec1()).when?.from)).toBe(at);
  });
});

describe('a change only supposed asks the policy', () => {
  it.each([
    'before i say yes, what if i need to cancel?',
    'what happens if i have to reschedule',
    'what if we need to move it later on',
    'what happens when u cancel last minute',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
  });

  it.each(['what if i need to move it to friday', 'cancel my appt'])('%s: a change asked', (text) => {
    expect(['reschedule', 'cancel']).toContain(understand(text, ctxOnDec1()).intent);
  });
});

describe('how far ahead bookings open', () => {
  it.each(['how far ahead can i book?', 'how many weeks out can we schedule', 'can i book that far out?', 'how far out does your calendar go', 'how far in advance are you booking'])(
    '%s',
    (text) => {
      const u = understand(text, ctxOnDec1());
      expect(u.intent).toBe('business_info');
      expect(u.infoTopic).toBe('booking_window');
    },
  );

  it.each(['how far in advance do i need to cancel', 'how much notice do i need to give'])('%s: the notice policy', (text) => {
    expect(understand(text, ctxOnDec1()).infoTopic).toBe('policies');
  });
});

describe('days counted from another', () => {
  const now = DateTime.fromISO('2026-12-01T09:00', { zone: NY });
  it.each([
    ['the last friday in january', 'January 29'],
    ['first monday of jan', 'January 4'],
    ['2nd tuesday of feb', 'February 9'],
    ['the last saturday in december', 'December 26'],
  ])('%s', (text, date) => {
    expect(spellNthWeekdayOfMonth(text, now).trim()).toBe(date);
  });

  it.each([
    ['the wednesday before December 12', 'December 9'],
    ['the friday after dec 18', 'December 25'],
    ['wedding on saturday December 12, so the wednesday before', 'December 9'],
  ])('%s', (text, date) => {
    expect(spellWeekdayBesideDate(text, now)).toContain(date);
    expect(spellWeekdayBesideDate(text, now)).not.toContain('December 12');
  });

  it.each([
    ['ok then the last friday in january at 10', '2027-01-29 10:00'],
    ['the wednesday before the 12th at 10', '2026-12-09 10:00'],
    ['so i have a wedding on saturday the 12th and need my color done before that, the wednesday before at 10 if u have it', '2026-12-09 10:00'],
  ])('%s: read as that day', (text, at) => {
    const u = understand(text, ctxOnDec1());
    expect(localNY(u.when?.from)).toBe(at);
    expect(u.nextTo).toBeUndefined();
  });

  it('"the friday after" with no date said is left to the move', () => {
    expect(spellWeekdayBesideDate('move it to the friday after', now)).toBe('move it to the friday after');
  });
});

describe('who works which days is asked, not booked', () => {
  it.each(['who works saturdays?', "who's in on monday", 'is dana working tomorrow', 'which stylists work weekends', 'does dana work fridays', 'is anyone in on sunday'])(
    '%s',
    (text) => {
      const u = understand(text, ctxOnDec1());
      expect(u.intent).toBe('business_info');
      expect(u.infoTopic).toBe('staff');
    },
  );

  it.each(['is dana in at 3 for a cut', 'cut fri with dana', 'does friday work'])('%s: no question about the team', (text) => {
    expect(understand(text, ctxOnDec1()).infoTopic).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';
import { anyAtTimeSaid, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Around the bookings a customer has (issue 14, set 18's and set 17's failures by class): what
// is booked asked in other words, a move said with its -ing verb, a change of who does the
// booking, a copy "the week after" or "the saturday after", a booking placed on a weekday
// beside one had, a placement said to times on screen, and another person's booking the
// sender cannot see.

describe('what is booked, asked in other words', () => {
  it.each([
    "remind me what im getting done on thursday and how much it'll be?",
    'what am i getting done friday again',
    'what are we having done on the 15th',
    'what times do we have on the 15th? me and my son',
    'what days do i have next week',
    'lol ok cool wait is it still thurs at 2?',
    'is that still the 10th?',
    'is my cut still friday at 3',
  ])('%s: the bookings are listed', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it.each(['what times do you have on the 15th', 'what times do we have open friday', 'what am i getting for $40, a cut?'])('%s: not a list of my bookings', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('my_appointments');
  });
});

describe('a move said with its -ing verb', () => {
  it.each([
    ["thinking of moving my wed cut to thurs the 10th, what's open?", '2026-12-10 00:00'],
    ['moving my haircut from friday to sat any time', '2026-12-05 00:00'],
    ['thinking about moving the appt to monday', '2026-12-07 00:00'],
    ['changing my appointment to next tuesday if possible', '2026-12-08 00:00'],
  ])('%s: a move, to that day', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(day);
  });

  it('"moving to brooklyn" moves no booking', () => {
    expect(understand('im moving to brooklyn next month, can i book a cut friday', ctxOnDec1()).intent).toBe('book');
  });
});

describe('a change of who does the booking', () => {
  it.each(['can i switch to dana, same time?', 'could i change to dana instead', 'can i see dana instead', 'switch me over to dana pls'])(
    '%s: a move to that person, at its own time',
    (text) => {
      const u = understand(text, ctxOnDec1());
      expect(u.intent).toBe('reschedule');
      expect(u.staffId).toBeDefined();
      expect(u.shift?.sameTime).toBe(true);
    },
  );

  it('a time said with the switch is the new time', () => {
    const u = understand('switch to dana at 3?', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.when?.exactTime).toBe(true);
    expect(u.shift).toBeUndefined();
  });

  it.each(['can i book my son with dana instead', 'can i get a cut with dana'])('%s: a new booking', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('book');
  });

  it('to times on screen, a switch of person is about those times', () => {
    expect(understand('can i switch to dana', ctxOnDec1('choice')).intent).not.toBe('reschedule');
  });
});

describe('a copy of a booking, whole days or a weekday on', () => {
  it.each([
    ["my sister's staying w me, can she get a color at the same time as mine but the week after?", 7],
    ['my son at the same time as my cut but the day after', 1],
    ['same time as my color but two weeks later for my wife', 14],
  ])('%s', (text, days) => {
    const u = understand(text, ctxOnDec1());
    expect(u.nextTo?.edge).toBe('same');
    expect(u.nextTo?.days).toBe(days);
  });

  it.each([
    ['book me the same thing again the saturday after, same time', 6],
    ['book me the same thing the following friday pls', 5],
    ['can i book the same again the tuesday after, same time', 2],
    ['same thing again for my son the friday after', 5],
  ])('%s: the weekday counts from the booking copied', (text, weekday) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.shift?.weekday).toBe(weekday);
  });

  it('a new booking on "the following friday" with nothing copied is the date read', () => {
    expect(understand('book a haircut the following friday', ctxOnDec1()).shift?.weekday).toBeUndefined();
  });
});

describe('a booking on a weekday beside one had', () => {
  it.each([
    ['want a color the monday before my haircut, 11am if u can', -1],
    ['can i get a trim the friday after my color', 5],
    ['book a cut on the wednesday before my color appt', -3],
  ])('%s', (text, weekday) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.nextTo?.weekday).toBe(weekday);
    expect(u.nextTo?.day).toBeUndefined();
  });

  it('"the day before my cut" counts days, no weekday', () => {
    const u = understand('a color the day before my cut', ctxOnDec1());
    expect(u.nextTo?.days).toBe(-1);
    expect(u.nextTo?.weekday).toBeUndefined();
  });

  const zone = 'America/New_York';
  const cut = { service: 'Haircut', start_local: '2026-12-17T14:00', end_local: '2026-12-17T14:30' };
  const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');
  const elevenToday = { from: '2026-12-01T16:00:00.000Z', to: '2026-12-01T16:01:00.000Z', exactTime: true, earliest: false, dayNamed: false };

  it('the monday before a thursday booking, at the time said', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0, weekday: -1 }, appt: cut, when: elevenToday });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-14T11:00', true]);
  });

  it('the thursday after a thursday booking is a week on; no time said is the whole day', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0, weekday: 4 }, appt: cut });
    expect([local(w.from), local(w.to), w.exactTime]).toEqual(['2026-12-24T00:00', '2026-12-25T00:00', false]);
  });
});

describe('a placement said to times on screen', () => {
  it.each([
    ['ok what about before my cut then, 12:30?', 'start'],
    ['how about right after my color, 2pm', 'end'],
    ['hmm what about after my cut then? 3:30', 'end'],
  ])('%s: the service named places it, the time is the offer asked', (text, edge) => {
    const u = understand(text, ctxOnDec1('choice'));
    expect(u.nextTo?.edge).toBe(edge);
    expect(u.serviceId).toBeUndefined();
    expect(u.when?.exactTime).toBe(true);
  });
});

describe('a placement by a person, to times on screen, with a time', () => {
  it.each(['ok what about right after mine then, 2:30', 'right after me then, 3:30?'])('%s: a pick of the time offered', (text) => {
    const u = understand(text, ctxOnDec1('choice'));
    expect(u.intent).toBe('choose');
    expect(u.nextTo).toBeUndefined();
  });
});

describe("another person's booking at a time the sender has nothing", () => {
  const NY = 'America/New_York';
  const own: ListedAppointment[] = [{ appointment_ref: 'A', service: 'Haircut', label: 'Haircut, Thu Dec 10, 12:00 PM', start_local: '2026-12-10T12:00', staff: 'Lee' }];
  const friAt2 = { from: '2026-12-04T19:00:00.000Z', to: '2026-12-04T19:01:00.000Z', exactTime: true };
  const thuAtNoon = { from: '2026-12-10T17:00:00.000Z', to: '2026-12-10T17:01:00.000Z', exactTime: true };

  it('none of the sender\'s is then', () => {
    expect(anyAtTimeSaid(own, friAt2, NY)).toBe(false);
    expect(anyAtTimeSaid(own, thuAtNoon, NY)).toBe(true);
  });

  it.each(['my wife booked a cut fri at 2, she asked me to cancel it for her', "cancel my husband's color on saturday", 'can u cancel my sons trim tmrw at 4'])('%s: a cancel of theirs', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.othersBooking).toBe(true);
  });
});

describe("an amount after a person's booking counts from its time", () => {
  it.each([
    ['pls book my daughter a haircut an hour after mine on monday', 60],
    ['book my son 30 mins after me thursday', 30],
    ['my husband a cut 2 hours after mine on the 9th', 120],
  ])('%s', (text, minutes) => {
    const u = understand(text, ctxOnDec1());
    expect(u.nextTo?.edge).toBe('start');
    expect(u.nextTo?.minutes).toBe(minutes);
  });

  it.each([
    ['my son right after me', 'end', 0],
    ['my wife 30 min after my cut', 'end', 30],
    ['my son a cut an hour before mine', 'start', -60],
  ])('%s: as before', (text, edge, minutes) => {
    const u = understand(text, ctxOnDec1());
    expect(u.nextTo?.edge).toBe(edge);
    expect(u.nextTo?.minutes).toBe(minutes);
  });
});

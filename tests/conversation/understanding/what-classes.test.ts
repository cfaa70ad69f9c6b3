import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// WHAT the customer asks for, by class of phrasing (issue 14): questions about their own
// bookings and the business, two requests in one message, moves, and leaving a pending
// question for a new request. Each class is tried in several wordings, most of them in no
// dialog file, with the shorthand, typos and missing punctuation people text with.

const NY = 'America/New_York';
const ctx = (expecting: UnderstandContext['expecting'] = null, optionCount = 4): UnderstandContext => ({
  now: at('2026-10-28T10:00', NY), // a Wednesday
  timeZone: NY,
  services: SERVICES,
  staff: STAFF,
  expecting,
  optionCount,
});
const weekday = (d: Date | undefined) => (d ? DateTime.fromJSDate(d, { zone: NY }).weekday : undefined);

describe('questions about the customer\'s own bookings, whatever was asked', () => {
  it.each([
    'do i already have something booked?',
    'what appointments do i have coming up',
    'is there anything booked for me',
    'have we got an appointment',
    'what bookings do we have',
    'anything scheduled for me?',
    'whats on the books for me',
    'did i already have an appt',
  ])('%j lists them', (text) => {
    for (const expecting of [null, 'confirmation', 'choice'] as const) expect(understand(text, ctx(expecting)).intent).toBe('my_appointments');
  });

  it.each(['wait do i already have something booked?', 'hmm what appointments do i have'])('%j after an opener keeps the summary open', (text) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.intent).toBe('my_appointments');
    expect(u.abandons).toBeUndefined();
  });

  it.each([
    ['where is my appt on friday', 5],
    ["where's my appointment", undefined],
    ['which location is my booking at', undefined],
  ] as const)('%j asks where the appointment is', (text, day) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'my_appointments', infoTopic: 'address' });
    expect(weekday(u.when?.from)).toBe(day);
  });
});

describe('questions about the business, answered from the catalog', () => {
  it.each([
    ['r u open sunday?', 7],
    ['are you guys open on saturdays', 6],
    ['open tmrw?', 4],
    ['what time do u close on friday', 5],
    ['are you closed on sunday?', 7],
    ['you guys open sunday', 7],
    ['do you open early on saturdays', 6],
  ] as const)('%j asks the hours of one day', (text, day) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'hours' });
    expect(weekday(u.when?.from)).toBe(day);
  });

  it.each(['do you do waxing', 'do u guys offer tattoos?', 'can you do eyebrow threading', "do y'all do braids here?", 'Do you offer PEDICURES'])(
    '%j asks for a service that is not offered',
    (text) => {
      expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', asksServices: true, notOffered: true });
    },
  );

  it.each(['can i book a pedicure tomorrow', 'i want a tattoo', 'id like a spray tan friday pls'])('%j books something that is not offered', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'book', notOffered: true });
  });

  it.each(['can i get an appointment tomorrow', 'i need a time friday', 'book me a quick trim', 'can i get a spot thursday', 'i want to book'])(
    '%j names no missing service',
    (text) => {
      expect(understand(text, ctx()).notOffered).toBeUndefined();
    },
  );

  it.each([
    ['do you do nails', 'book'],
    ['do you do manicures', 'book'],
    ['do you have anything friday', 'book'],
    ['do you have parking', 'business_info'],
    ['do you have any openings tmrw', 'book'],
  ] as const)('%j is not a service that is missing', (text, intent) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe(intent);
    expect(u.notOffered).toBeUndefined();
  });
});

describe('a question and a booking in one message', () => {
  it.each([
    ["haircut tmrw 3pm pls and also what's ur address", 'address'],
    ['whats your address? also book me a trim friday at 10', 'address'],
    ['can i get a dye on the 3rd and do u have parking', 'address'],
    ['massage thurs 11am, what are ur hours btw', 'hours'],
  ] as const)('%j answers and books', (text, topic) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: topic, alsoBooks: true });
    expect(u.serviceId).toBeDefined();
  });

  it.each(['can i get a haircut friday at 2, how much is it', 'trim tmrw 10am - whats the price?'])('%j gives the price and books', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', asksServices: true, alsoBooks: true, serviceId: 'svc-cut' });
  });

  it.each(['how late are you open tmrw?', 'how much is a trim', 'where do i park for my haircut', 'is the haircut place on main st'])('%j is a question only', (text) => {
    expect(understand(text, ctx()).alsoBooks).toBeUndefined();
  });
});

describe('moves of an existing booking', () => {
  it.each(['something came up, can we do same time next week?', 'same time next wk pls', 'the week after works better', 'can we do a week later'])(
    '%j moves it by whole days',
    (text) => {
      const u = understand(text, ctx());
      expect(u.intent).toBe('reschedule');
      expect(u.shift?.days).toBe(7);
    },
  );

  it.each(['can i book same time next week', 'book my son same time next week', 'another one same time next week'])('%j is a new booking', (text) => {
    expect(understand(text, ctx()).intent).toBe('book');
  });

  it('a day shift while offers are on screen moves the window, not a booking', () => {
    expect(understand('what about the week after', ctx('choice')).intent).toBe('book');
  });

  it.each([
    ['could we push my friday appt back 2 hours?', 120, 5],
    ['bump my thursday appointment up an hour', -60, 4],
    ['push the monday one back 30 mins', 30, 1],
    ['push it back two hours', 120, undefined],
  ] as const)('%j shifts by minutes from the appointment it names', (text, minutes, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.minutes).toBe(minutes);
    expect(u.when).toBeUndefined();
    expect(weekday(u.apptWhen?.from)).toBe(day);
  });
});

describe('cancel in other words', () => {
  it.each(['cant make my appointment', "I won't make the appt thursday", 'unable to make my booking', "can't make it"])('%j cancels', (text) => {
    expect(understand(text, ctx()).intent).toBe('cancel');
  });
});

describe('leaving a pending question for a new request', () => {
  it.each([
    ['actually dont cancel, can i just book a color on the 8th at 10 too', 'svc-color'],
    ["no don't cancel it, i want to book a haircut friday", 'svc-cut'],
    ['dont reschedule. can i get a massage next tues', 'svc-massage'],
  ] as const)('%j keeps the booking and starts the new request', (text, serviceId) => {
    const u = understand(text, ctx('confirmation'));
    expect(u).toMatchObject({ intent: 'book', serviceId, answer: 'no', abandons: true });
  });

  it.each(["don't cancel it", 'dont cancel', 'no dont move it'])('%j alone only declines', (text) => {
    expect(understand(text, ctx('confirmation'))).toMatchObject({ intent: 'decline', answer: 'no' });
  });

  it.each(['actually nvm just book a haircut at that time', 'can i book a trim instead', 'id rather switch to a massage', 'nevermind, schedule me for a facial tmrw'])(
    '%j during an intake question is a new request',
    (text) => {
      expect(understand(text, ctx('intake'))).toMatchObject({ intent: 'book', abandons: true });
    },
  );

  it.each(['yes', 'no', 'my email is a@b.co', 'i had a haircut last month', '12'])('%j during an intake question answers it', (text) => {
    const u = understand(text, ctx('intake'));
    expect(u.abandons).toBeUndefined();
  });

  it.each([
    ['ok what about 4', 16],
    ['ok how about 2:30 then', 14],
    ['sure, what about 11', 11],
  ] as const)('%j after a no is a new time, never a yes to the old one', (text, hour) => {
    const u = understand(text, ctx(null));
    expect(u.intent).toBe('choose');
    expect(u.choiceTime?.hour).toBe(hour);
    expect(u.choiceIndex).toBeUndefined();
  });

  it('a service at the same time during a booking is that service, not a move read as a new booking', () => {
    const u = understand('hmm no wait, can i do a haircut instead same time', ctx('confirmation'));
    expect(u).toMatchObject({ serviceId: 'svc-cut', abandons: true, shift: { sameTime: true, days: 0, minutes: 0 } });
  });
});

describe('staff preference', () => {
  it.each(['ok whoever is fine then, 10am', 'anyone is ok', 'no preference', "doesn't matter who", 'any stylist works'])('%j takes any qualified staff', (text) => {
    expect(understand(text, ctx('choice')).anyStaff).toBe(true);
  });

  it('a named staff member is not "anyone"', () => {
    expect(understand('with dana please', ctx()).anyStaff).toBeUndefined();
  });
});

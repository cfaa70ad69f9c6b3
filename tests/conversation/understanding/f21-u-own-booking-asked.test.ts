import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksGiftCards } from '../../../src/conversation/understanding/gift-card-asked.ts';
import { needsStaff } from '../../../src/conversation/understanding/needs-staff.ts';
import { onAskedBookingsDay } from '../../../src/conversation/understanding/on-first-day.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Set 21's failures around a booking (fixer u): the booking the customer has, asked when, with
// whom, what it costs, alone or beside another request or a policy question.

describe('the booking had, asked in words the appointment patterns missed', () => {
  it.each([
    // when to turn up
    'what time do i need to be there thurs',
    'what time do i need to be there friday',
    'when do i need to get there tmrw',
    'what time am i supposed to arrive on friday',
    'what time should we be there saturday',
    'what time do i have to come in thurs',
    // the booking's time by its own name
    'and whats my time sat',
    "what's my time tomorrow again",
    'whats our slot on the 10th',
    // which of two
    'is my hair cut tmrw or thursday? i forgot 🙈',
    'was it the 9th or the 10th',
    'is my appt at 2 or 2:30 on friday',
    'wait do i have the color or just a trim booked?',
    'did i have a cut or a color booked',
    // a family's bookings
    'what do my kids and i have booked friday, i forget the times',
    'what have me and my son got on saturday',
    'what do my daughter and i have booked',
  ])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it('two days asked between narrow neither', () => {
    expect(understand('is my hair cut tmrw or thursday? i forgot', ctxOnDec1()).when).toBeUndefined();
  });

  it('one day asked narrows the list to it', () => {
    expect(localNY(understand('what time do i need to be there friday', ctxOnDec1()).when?.from)).toBe('2026-12-04 00:00');
  });

  it.each([
    // a new visit asked, not one had
    'what time can i come in friday',
    'what time should i come in for a cut tomorrow',
    'what time is good for a trim friday',
    'is tuesday or wednesday better for a cut',
    'do you have a cut or color open friday',
  ])('%s: no question about a booking had', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('my_appointments');
  });

  it('"what time do you open friday" asks the hours', () => {
    expect(understand('what time do you open friday', ctxOnDec1()).intent).toBe('business_info');
  });
});

describe('what the booking costs', () => {
  it.each([
    'how much is my appointment monday gonna cost? its the color',
    'whats my appt on the 9th gonna cost me',
    "what's the price of my appt tomorrow",
    'how much will my appt cost',
  ])('%s: the bookings, with their prices', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(u.pricesBooked).toBe(true);
  });

  it('"when is my appt" asks no price', () => {
    expect(understand('when is my appt', ctxOnDec1()).pricesBooked).toBeUndefined();
  });

  it.each(['how much will my color on monday be', 'how much do i owe for my cut friday'])('%s: the price of a service had, no openings looked for', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('business_info');
    expect(u.asksServices).toBe(true);
    expect(u.alsoBooks).toBeUndefined();
  });

  it.each(['how much is a cut friday at 2', 'cut friday at 2, how much is it', 'my son needs a cut friday how much'])('%s: the price, then the booking goes on', (text) => {
    expect(understand(text, ctxOnDec1()).alsoBooks).toBe(true);
  });
});

describe('the notice rules asked of anyone', () => {
  it.each([
    'what happens if someone needs to cancel less than a day before? just asking for future reference',
    'do u charge if someone no shows? asking for my color next wed',
    'what happens if a client cancels late',
    'what if someone misses their appt',
    'what happens if somebody no shows',
    'what if someone doesnt show up',
    'is there a fee if a client is running late',
    'do you charge people who no show',
    'what if someone cancels last minute, just curious',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
  });

  it.each(['what if someone else wants my slot', 'what happens if someone shows up early'])('%s: no rules of a change', (text) => {
    expect(understand(text, ctxOnDec1()).infoTopic).not.toBe('policies');
  });
});

describe('a booking the same day as one asked about', () => {
  it('after a question naming no day, it goes on the booking that question means', () => {
    const u = understand('whens my appt? also want to add a color same day at 10am', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-color');
    expect(u.nextTo?.edge).toBe('day');
    expect(u.when?.exactTime).toBe(true);
    expect(u.also?.intent).toBe('my_appointments');
  });

  it('the service the question named is the booking placed by', () => {
    const u = understand('when is my color? can i get a cut that same day at 2', ctxOnDec1());
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo).toMatchObject({ edge: 'day', serviceId: 'svc-color' });
    expect(u.also?.intent).toBe('my_appointments');
  });

  it('words with no same day are left as said', () => {
    expect(onAskedBookingsDay('also a color friday at 10', 'appt')).toBe('also a color friday at 10');
    expect(onAskedBookingsDay('a color that morning', 'appt')).toBe('a color that morning');
    expect(onAskedBookingsDay('a color same day at 10', 'color')).toBe('a color at 10 the same day as my color');
  });
});

describe('gift cards bought are a question, paid with are for a person', () => {
  it.each(['do u guys sell gift cards', 'can i buy a gift card for my mom', 'do you offer gift certificates'])('%s', (text) => {
    expect(asksGiftCards(text)).toBe(true);
    expect(needsStaff(text)).toBe(false);
  });

  it('alone, the contact answer is said to be for them', () => {
    const u = understand('do u guys sell gift cards?', ctxOnDec1());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'contact', giftCards: true });
  });

  it('beside a question about the booking, both are answered and nothing is handed off', () => {
    const u = understand('do u guys sell gift cards? also whens my color', ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(u.also).toMatchObject({ intent: 'business_info', infoTopic: 'contact' });
  });

  it.each([
    'do you sell gift cards? my sister wants to pay for my color appt with one',
    'can i pay with a gift card',
    'i have a gift card for my cut friday',
    'can i use my voucher for the color',
  ])('%s: a person', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('human');
  });
});

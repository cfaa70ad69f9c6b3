import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f25-h: bookings of family members and bookings placed by one the customer has, in wordings
// other than the held-out dialogs' (heldout24 zt105, zt108, zt112, zt113, zt115), with near-misses.

describe('a booking told of as booked for someone else, by its service, then moved', () => {
  it.each([
    'i booked a trim for my son on friday, can you move it to saturday same time',
    'i booked a colour for my husband thursday, could we switch it to friday the 11th',
    'we booked a color for our daughter on the 8th - can you change it to the 10th, same time?',
  ])('%j is a move, no new booking for someone else', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.forSomeoneElse).toBeUndefined();
  });

  it.each(['can you book a color for my wife on the 10th', 'i booked a cut for me, can you get one for my wife too'])('%j still books for someone else', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.forSomeoneElse).toBe(true);
  });
});

describe('clock times listed after a day in a cancel: one booking each, on that day', () => {
  it.each([
    ['both my kids are sick, cancel their cuts on the 17th (4 and 4:30)', ['2026-12-17 16:00', '2026-12-17 16:30']],
    ['cancel both our cuts friday at 2 & 3pm', ['2026-12-04 14:00', '2026-12-04 15:00']],
    ['pls cancel the boys appts on saturday, 10:30 and 11', ['2026-12-05 10:30', '2026-12-05 11:00']],
  ])('%j', (text, starts) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => localNY(t.when!.from))).toEqual(starts);
  });

  it.each(['cancel my cut on the 17th at 4', 'cancel my cut at 4 and book a color at 5'])('%j lists no times', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.targets?.every((t) => t.when?.exactTime) && u.targets.length > 1).toBeFalsy();
  });
});

describe('"can she go at the same time as me": the customer booked already, only the other is new', () => {
  it.each([
    'me and my son both need cuts friday, can he go at the same time as me at 3?',
    'me and my daughter both need cuts wed - can she go at the same time as me, 2pm?',
  ])('%j books the other at the customer\'s time', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.party).toBeUndefined();
    expect(u.nextTo).toMatchObject({ edge: 'same', person: 'self' });
    expect(u.forSomeoneElse).toBe(true);
  });

  it.each(['me and my son both need cuts friday at 3, same time', 'me and my wife need cuts saturday at the same time'])('%j is a party of two', (text) => {
    expect(understand(text, ctxOnDec1()).party?.size).toBe(2);
  });
});

describe('a booking told of as the reason for the request places it', () => {
  it.each([
    ["since i'm already in for a color on the 19th, could i get a cut straight after", 'end'],
    ["as i'm booked for a color on friday, can i get a trim right after", 'end'],
    ["since i've already got a color on the 19th, can i add a cut that day at 4", 'day'],
  ])('%j', (text, edge) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo).toMatchObject({ edge, serviceId: 'svc-color' });
  });

  it("\"since i'm in town for the holidays, can i get a cut friday\" places nothing", () => {
    expect(understand("since i'm in town for the holidays, can i get a cut friday", ctxOnDec1()).nextTo).toBeUndefined();
  });
});

describe('days counted from a booking: a date said beside them is the new booking\'s', () => {
  it.each(['book me a trim the day before my color (the 24th) at 10', 'a cut the day before my color, so dec 24, at 10?'])('%j', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.nextTo).toMatchObject({ days: -1, serviceId: 'svc-color' });
    expect(u.nextTo?.day).toBeUndefined();
    expect(localNY(u.when!.from)).toBe('2026-12-24 10:00');
  });
});

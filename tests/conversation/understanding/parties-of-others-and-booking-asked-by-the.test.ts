import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

describe('several others booked in one text: one booking each, at once with their own stylists', () => {
  it.each([
    ['can my twins get trims friday at 4', 2],
    ['book both my kids haircuts for thursday at 3', 2],
    ['my kids both need trims thurs at 4', 2],
    ['my son and daughter need cuts tmrw at 11', 2],
    ['cuts for my three boys sat at 10 pls', 3],
    ['2 haircuts friday at 3 please, for my sons', 2],
    ['can i book 3 spots for trims thurs at 4', 3],
  ])('%j', (text, size) => {
    const u = understand(text, ctxOnDec1());
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-cut', party: { size, together: true } });
    expect(u.othersBooking).toBeUndefined();
  });

  it('the customer counts too: "me and both my kids", "me and my twins"', () => {
    expect(understand('cuts for me and both my kids sat at 10', ctxOnDec1()).party?.size).toBe(3);
    expect(understand('me and my twins need trims tmrw at 2', ctxOnDec1()).party?.size).toBe(3);
  });

  it('one person is no party', () => {
    expect(understand('book 2 appointments tmrw, a cut at 10 and a color at 11', ctxOnDec1()).party).toBeUndefined();
    expect(understand('can i get a trim squeezed in between my 2 appts tues, like 10:30', ctxOnDec1()).party).toBeUndefined();
    expect(understand('book my son a trim at 3 on friday', ctxOnDec1()).party).toBeUndefined();
    expect(understand('book a cut for my son, my wife has a color at 3', ctxOnDec1()).party).toBeUndefined();
  });
});

describe('a time said for each person: each booked at their own time, on the first one\'s day', () => {
  it.each([
    ['my son at 3 and my daughter at 3:30 on friday for cuts', '2026-12-04 15:00', ['3:30']],
    ['book me at 3 and my son at 3:30 tmrw, haircuts', '2026-12-02 15:00', ['3:30']],
    ['one at 2 and the other at 2:30 for my kids, trims on sat', '2026-12-05 14:00', ['2:30']],
    ['can my 3 kids get cuts sat at 10, 10:30 and 11', '2026-12-05 10:00', ['10:30', '11']],
    ['book my son and me at 2 and 2:30 friday for cuts', '2026-12-04 14:00', ['2:30']],
  ])('%j', (text, first, times) => {
    const u = understand(text, ctxOnDec1());
    expect(u.party).toMatchObject({ together: false, times });
    expect(localNY(u.when?.from)).toBe(first);
  });

  it('times not one per person are not read as theirs', () => {
    expect(understand('me and my son need cuts fri at 2 and 2:30 and 3', ctxOnDec1()).party?.times).toBeUndefined();
  });

  it('the next person\'s request puts their time on the day of the one just booked', () => {
    const u = understand('a haircut at 12 the same day as them', ctxOnDec1());
    expect(u.nextTo).toMatchObject({ edge: 'day', person: 'other' });
  });
});

describe('"when was the color again?": a question about a booking, never a booking', () => {
  it.each(['and when was the colour again?', 'what time is the trim again', "when's that dye", 'so what day was the haircut', 'when do i come in for the color again', "when's the cut happening", 'and the colour is when again?'])(
    '%j',
    (text) => {
      expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
    },
  );

  it.each(['when is the colour available', 'when is the earliest haircut', 'when can i get a trim', 'the cut is when i get off work'])('%j asks for times', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('book');
  });
});

describe('a cancel with another booking "that day": the canceled booking\'s day', () => {
  it.each([
    ['cancel my friday colour and book a cut the same day at 3 instead', 'on december 4'],
    ['cancel the color on the 10th, i will just do a trim at 2 that day', 'on december 10'],
    ['pls cancel my dye thursday and give me a haircut at 11 that same day', 'on december 3'],
    ['cancel my dec 9 colour and pencil me in for a trim that morning at 10', 'on december 9'],
  ])('%j', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u).toMatchObject({ intent: 'cancel', serviceId: 'svc-color', replacedBy: 'svc-cut' });
    expect(u.then).toContain(day);
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { placedTold } from '../../../src/conversation/understanding/placed-told.ts';
import { withoutBusyDay } from '../../../src/conversation/understanding/day-busy.ts';
import { ctxOnDec1 } from './fixtures.ts';

describe('placedTold: where another person is booked beside the customer, told and not asked', () => {
  it.each([
    "i think she's after me",
    'my daughter is right before me',
    "he's booked just after us",
    'they are probably right after me',
    'my son was straight after my cut last time',
    'shes right after me',
  ])('%j is told', (text) => {
    expect(placedTold(text)).toBe(true);
  });

  it.each(['can my sister get a cut right after me friday', 'book my son a trim fri right after me', 'my wife wants a color right after me', 'can she go right after me', 'both of my sons right after me thursday, cuts'])(
    '%j asks a placement',
    (text) => {
      expect(placedTold(text)).toBe(false);
    },
  );

  it.each([
    "can you tell me what time my sister is booked on fri the 11th? she booked herself, i think she's after me",
    "when is my son booked friday? i think he's right after me",
    'what time am i in friday, my daughter is right after me',
  ])('%j asks about bookings and books nothing', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it('a request beside the customer still places the new booking', () => {
    const u = understand('can my sister get a cut right after me friday', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.nextTo?.edge).toBe('end');
  });
});

describe('withoutBusyDay: a plan on a day is why another day is asked', () => {
  it.each([
    ['oh shoot i have a thing friday. same time wed the 9th?', /wed the 9th/],
    ["ive got plans sat, sunday at 2 instead?", /sunday at 2/],
    ['something came up on friday, can we do monday same time', /monday/],
    ['we have a meeting saturday, how about thurs', /thurs/],
  ])('%j drops the busy day', (text, kept) => {
    const out = withoutBusyDay(text);
    expect(out).toMatch(kept);
    expect(out).not.toMatch(/\b(friday|sat|saturday)\b(?!.*\b(instead|same)\b)/);
  });

  it.each(['i have a thing friday', 'i have a cut friday, can i add color monday', 'i have plans friday', 'i have a thing saturday so the day before at 2', 'we have a wedding saturday, color the wednesday before'])('%j keeps its day', (text) => {
    expect(withoutBusyDay(text)).toBe(text);
  });

  it('a new day after the plan is the day proposed', () => {
    const u = understand('oh shoot i have a thing friday. same time wed the 9th?', ctxOnDec1('confirmation'));
    expect(u.when?.description).toMatch(/December 9/);
  });
});

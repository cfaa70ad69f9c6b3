import { describe, expect, it } from 'vitest';
import { matchServices, servicesNamedApart } from '../../../src/conversation/understanding/services.ts';
import { parseWhen, understand, type ServiceCatalogEntry, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, ctxOnDec1, localNY } from './fixtures.ts';

// A consultation asked for beside a wish to talk, hair words that name no service, "for now"
// beside a day, and prices asked in other words or of several services at once.

const CATALOG: ServiceCatalogEntry[] = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] }];
const ctx = (): UnderstandContext => ({ ...ctxOnDec1(), services: CATALOG });
const ids = (text: string) => matchServices(text, SERVICES).map((s) => s.id);

describe('a name typed in two words with a slip', () => {
  it.each(['hiar cut', 'har cut', 'book a hair cit', 'hair cutt pls'])('%j is a haircut', (text) => {
    expect(ids(text)).toEqual(['svc-cut']);
  });

  it.each(['want to grow my hair out', 'my hair but shorter maybe', 'i wear my hair put up for work', 'hair out of control lol'])('%j names no haircut', (text) => {
    expect(ids(text)).not.toContain('svc-cut');
  });

  it('advice on growing hair out with a consult names only the consult', () => {
    const u = understand('letting my hair grow out and want some advice, consultation fri the 11th at 2?', ctx());
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-consult' });
    expect(u.secondServiceId).toBeUndefined();
  });
});

describe('a talk at the salon asked as a consultation, with a time, next to a booking or in words', () => {
  it.each([
    'my daughter wants to talk to someone about her hair, could she have a consult right after my cut on the 9th',
    'id like to talk to someone about my curls, can i book a consult?',
    'wanna speak with a stylist about bangs, consult at 3:30?',
    'need to talk to somebody about going shorter, can i get a consultation',
  ])('%j books the consultation', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'book', serviceId: 'svc-consult' });
  });

  it.each(['can i talk to a real person about a consult', 'can someone call me about a consultation', 'talk to someone about my consultation'])('%j is for a person', (text) => {
    expect(understand(text, ctx()).intent).toBe('human');
  });
});

describe('"for now" says how long a choice stands, never when', () => {
  it.each([
    ['just the trim for now. thurs the 10th at 11am', '2026-12-10 11:00'],
    ['cut only for now, fri the 4th 2pm', '2026-12-04 14:00'],
    ['as of now i can do wed the 9th at 10', '2026-12-09 10:00'],
  ])('%j is %s', (text, want) => {
    expect(localNY(parseWhen(text, ctxOnDec1().now, 'America/New_York')?.from)).toBe(want);
  });

  it.each(['thats it for now', 'color for now'])('%j names no time', (text) => {
    expect(parseWhen(text, ctxOnDec1().now, 'America/New_York')).toBeUndefined();
  });
});

describe('prices asked in other words, and of several services', () => {
  it.each(['what do u charge for a trim', 'how expensive is a haircut', 'what does a cut run me', 'whats a trim go for these days', 'what are your rates for haircuts'])(
    '%j asks the price of the haircut',
    (text) => {
      expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', asksServices: true, serviceId: 'svc-cut' });
    },
  );

  it.each([
    ['cost of a trim vs highlights?', ['svc-cut', 'svc-color']],
    ['which is cheaper, dye or a cut', ['svc-color', 'svc-cut']],
    ['how much for a manicure and how much for a facial', ['svc-mani', 'svc-facial']],
  ])('%j asks each price', (text, want) => {
    expect(understand(text, ctx()).pricesAsked).toEqual(want);
  });

  it('one service asked is no list of several', () => {
    expect(understand('how much is a haircut', ctx()).pricesAsked).toBeUndefined();
    expect(servicesNamedApart('cut or color', SERVICES).map((s) => s.id)).toEqual(['svc-cut', 'svc-color']);
  });

  it('"too pricey" takes back, it asks no price', () => {
    expect(understand('never mind, too pricey for me rn', ctx()).intent).toBe('decline');
  });
});

describe('a service menu answered by its number and a time', () => {
  it.each([
    ['3, tmrw at 2pm', 2],
    ['2) fri at 4', 1],
    ['ok 1. the 9th at 11', 0],
  ])('%j picks option %i and says when', (text, index) => {
    const u = understand(text, { ...ctx(), expecting: 'service', optionCount: 3 });
    expect(u.choiceIndex).toBe(index);
    expect(u.when?.exactTime).toBe(true);
  });

  it.each(['3 tmrw', '10:30 tmrw', '9, tmrw'])('%j picks nothing by a leading number (none set off, or none on the menu)', (text) => {
    expect(understand(text, { ...ctx(), expecting: 'service', optionCount: 3 }).choiceIndex).toBeUndefined();
  });
});

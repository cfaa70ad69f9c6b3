import { describe, expect, it } from 'vitest';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { matchService } from '../../../src/conversation/understanding/services.ts';
import { withoutKeptToo } from '../../../src/conversation/understanding/kept-too.ts';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';
import { spellTimes, normalize } from '../../../src/conversation/understanding/text.ts';
import { SERVICES, ctxOnDec1 } from './fixtures.ts';

// Issue 14 (set 16): the customer's own time is no service length; barber words name a
// haircut; an hour dictated as a word that sounds like it; a kept booking in brackets beside a
// request; a person said with the booking a new one is placed by is that booking's.

const BARE: ServiceCatalogEntry[] = [
  { id: 'b-cut', name: 'Haircut', slug: 'haircut', synonyms: [] },
  { id: 'b-colour', name: 'Colour', slug: 'colour', synonyms: [] },
  { id: 'b-talk', name: 'Consultation', slug: 'consultation', synonyms: [] },
];

describe('the time the customer has is no length of the service', () => {
  it.each([
    'cut at noon friday, i only have 45 mins', "trim wed, i've got half an hour for lunch", 'color on my 90 minute break? sat',
    'haircut tues at 1, my lunch break is an hour', "cut thurs, i'm free for an hour at 12", 'we only get an hour, cut mon',
    'cut over lunch on the 9th? only have an hour',
  ])('%j sets no length', (text) => {
    expect(readLengthAndSize(text).durationMinutes).toBeUndefined();
  });

  it.each([
    ['massage for an hour friday', 60],
    ['i need a 90 minute facial', 90],
    ['book the room for 45 mins tomorrow', 45],
  ])('%j still asks a length', (text, minutes) => {
    expect(readLengthAndSize(text).durationMinutes).toBe(minutes);
  });

  it('a lunch-hour request keeps its day and window', () => {
    const u = understand(readLengthAndSize('can i squeeze in a cut over lunch on the 9th? only have an hour').text, ctxOnDec1());
    expect(u.serviceId).toBe('svc-cut');
    expect(u.when?.exactTime).toBe(false);
    expect(u.when?.description).toMatch(/december 9/i);
  });
});

describe('barber words name the haircut', () => {
  it.each([
    'fade sat morning', 'can i get a taper tmrw', 'line me up before friday', 'need an edge up at 3', 'buzzcut please', 'my lineup is grown out, fri?',
    'shape me up thurs',
  ])('%j → the haircut of a salon listing bare names', (text) => {
    expect(matchService(text, BARE)?.id).toBe('b-cut');
  });

  it("a catalog's own word for it still wins", () => {
    expect(matchService('fade on friday', SERVICES)?.id).toBe('svc-mens');
  });

  it('"bet, yes" is a yes', () => {
    expect(parseYesNo('bet, yes')).toBe('yes');
    expect(parseYesNo('dope yeah')).toBe('yes');
  });
});

describe('an hour dictated as a word that sounds like it', () => {
  it.each([
    ['haircut friday at for pm', 'haircut friday at 4 pm'],
    ['color monday around to p.m.', 'color monday around 2 p.m.'],
    ['consult sat at ate a.m.', 'consult sat at 8 a.m.'],
    ['trim tues by too oclock', 'trim tues by 2 oclock'],
  ])('%j → %j', (text, spelled) => {
    expect(spellTimes(normalize(text))).toBe(spelled);
  });

  it.each(['i need a cut for pm friday', 'going to the store at for', 'up to pm'])('%j is left as said', (text) => {
    expect(spellTimes(normalize(text))).toBe(normalize(text));
  });
});

describe('a booking kept, in brackets, beside a request', () => {
  it.each([
    ['color fri at 11 (still keeping my cut on the 9th)', 'color fri at 11'],
    ['trim tmrw 10am w dana (keep the one on the 18th too!)', 'trim tmrw 10am w dana'],
    ['(keep my saturday one) can i add a consult weds at 2', 'can i add a consult weds at 2'],
  ])('%j leaves %j', (text, rest) => {
    expect(withoutKeptToo(text)).toBe(rest);
  });

  it('the request is booked', () => {
    const u = understand('✂️ trim fri 3pm with dana 🙏 (keep my one on the 15th too)', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.staffId).toBe('st-dana');
  });
});

describe("a person said with the booking a new one is placed by is that booking's", () => {
  it.each([
    ['can i get a color at 10 on the 9th so its done before my 1pm cut with will'],
    ['book a cut right after my color w dana on thurs'],
  ])('%j names nobody for the new booking', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.nextTo).toBeDefined();
    expect(u.staffId).toBeUndefined();
  });

  it("the request's own person stays", () => {
    const u = understand('a trim with will right after my color w dana on thurs', ctxOnDec1());
    expect(u.staffId).toBe('st-will');
  });
});

describe('a service said to name the person who does it', () => {
  const withConsult: ServiceCatalogEntry[] = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult'] }];
  const read = (text: string) => understand(text, { ...ctxOnDec1(), services: withConsult });
  it.each([
    ['a trim w the one that does consults, wed at 10', 'svc-cut', 'svc-consult'],
    ['haircut with the girl who did my highlights last time', 'svc-cut', 'svc-color'],
    ['can i book a massage with whoever does the facials there', 'svc-massage', 'svc-facial'],
  ])('%j books %s with the person of %s', (text, service, person) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(u.staffOfService).toBe(person);
    expect(u.anyStaff).toBeUndefined();
  });

  it.each(['whoever does cuts is fine', 'color fri at 2 with anyone'])('%j names no service for a person', (text) => {
    expect(read(text).staffOfService).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry, StaffEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f26-l: a booking the customer (or a family member) has, named only as the context of a new
// request, is not the request: "besides my color on the 10th, can i get a haircut sat at 3",
// "can the color go to friday? consult stays where it is", "my daughter has a color on the 18th,
// can she do a consult before it". Wordings other than the held-out dialogs' (set 25 zu132,
// zv024, zv117), with near-misses that keep their old reading.

const SERVICES: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights', 'colour'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] },
];
const STAFF: StaffEntry[] = [
  { id: 'st-dana', name: 'Dana' },
  { id: 'st-lee', name: 'Lee' },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(), services: SERVICES, staff: STAFF });

describe('"besides my color on the 10th, ...": the booking kept beside a new one is not the request', () => {
  it.each([
    ['on top of my cut on friday, could i book a colour tues the 8th @ 10am', 'svc-color', '2026-12-08 10:00'],
    ["apart from my consult on the 9th i'd like a trim thurs 10th at 4pm", 'svc-cut', '2026-12-10 16:00'],
    ['in addition to my color on the 10th, pls book a cut wed the 9th at 11', 'svc-cut', '2026-12-09 11:00'],
    ['can i squeeze in a trim sat at 1 besides my color thursday', 'svc-cut', '2026-12-05 13:00'],
    ['other than my daughters cut on the 17th can i get a color on the 18th at 9', 'svc-color', '2026-12-18 09:00'],
    ['as well as keeping my sat cut could u book me a color on mon the 14th 11am', 'svc-color', '2026-12-14 11:00'],
    ['aside from my colour dec 10 - can i get a consult w lee on the 12th at 2pm?', 'svc-consult', '2026-12-12 14:00'],
  ])('%j books the new one', (text, service, start) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(localNY(u.when?.from)).toBe(start);
    expect(u.nextTo).toBeUndefined();
  });

  it.each([
    ['apart from my color on the 10th can i also get a trim right after', 'end'],
    ['besides my color on the 10th, could i get a cut that same day at 2', 'day'],
  ])('%j: pointing back at it, the new one is placed by it', (text, edge) => {
    const u = read(text);
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo).toMatchObject({ edge, serviceId: 'svc-color' });
    expect(localNY(u.nextTo?.day?.from)?.slice(0, 10)).toBe('2026-12-10');
  });

  it('"besides my color, cancel the cut" still cancels the cut', () => {
    expect(read('besides my color, cancel the cut')).toMatchObject({ intent: 'cancel', serviceId: 'svc-cut' });
  });
  it('"besides a haircut what else do you do" names no booking of the customer', () => {
    expect(read('besides a haircut what else do you do').when).toBeUndefined();
  });
  it('"move my color on the 10th to the 12th" is still a move', () => {
    const u = read('move my color on the 10th to the 12th');
    expect(u).toMatchObject({ intent: 'reschedule', serviceId: 'svc-color' });
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-10 00:00');
  });
});

describe('"can the color on thursday go to friday? consult stays": the booking kept is not the one moved', () => {
  it.each([
    'can my colour on wed go to fri at 9? leave the consult alone',
    'the consult stays put, can my color thurs go to fri 9am',
    'could the color on the 10th be moved to the 11th at 9, the consult can stay',
    'keep the consult where it is, but can my color wed go to fri the 11th 9am',
    'pls move the color thurs to fri at 9 but dont touch the consult',
    'move my color from thu to fri 9am, the consult remains as is',
  ])('%j moves the color', (text) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe('svc-color');
    expect(u.apptWhen).toBeDefined();
    expect(u.when?.exactTime).toBe(true);
  });

  it.each([
    ['can the cut on the 9th go to the 12th', 'svc-cut'],
    ['can my consult on tues go to wed at 11', 'svc-consult'],
  ])('%j: "can the X on D go to ..." is a move of X', (text, service) => {
    expect(read(text)).toMatchObject({ intent: 'reschedule', serviceId: service });
  });

  it('"cancel the consult, keep the color" cancels the consult', () => {
    expect(read('cancel the consult, keep the color')).toMatchObject({ intent: 'cancel', serviceId: 'svc-consult' });
  });
  it('"my son wants to go to the 12th" is no move', () => {
    expect(read('my son wants to go to the 12th').intent).not.toBe('reschedule');
  });
});

describe('"my daughter has a color on the 18th, can she ...": a relative\'s booking told first places the new one', () => {
  it.each([
    ['our son has a consult on the 9th, can he get a cut before it at 10', 'svc-cut', 'svc-consult', 'start'],
    ['my mom is booked for color on the 11th at 9, can she add a trim right after it', 'svc-cut', 'svc-color', 'end'],
    ["my kid's got a trim on the 12th - could she do a consult w lee the same day at 2", 'svc-consult', 'svc-cut', 'day'],
    ['she has a cut at 2 on friday, can i get a color right after', 'svc-color', 'svc-cut', 'end'],
    ['my husband has a colour thurs the 10th, could he see lee for a consult after it', 'svc-consult', 'svc-color', 'end'],
  ])('%j books the new service next to the one told of', (text, service, booking, edge) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(u.nextTo).toMatchObject({ edge, serviceId: booking });
  });

  it('the time said is the new booking\'s: "before it, 10am"', () => {
    const u = read('my daughter has a colour on the 18th - can she do a consult with lee before it, 10 am?');
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-consult', staffId: 'st-lee' });
    expect(localNY(u.when?.from)?.slice(11)).toBe('10:00');
    expect(localNY(u.nextTo?.day?.from)?.slice(0, 10)).toBe('2026-12-18');
  });

  it('"my son has a cut friday, can i get one too at the same time": at its very time', () => {
    expect(read('my son has a cut friday, can i get one too at the same time').nextTo).toMatchObject({ edge: 'same', serviceId: 'svc-cut' });
  });

  it.each([
    ['my daughter has a color on the 18th, can you move it to the 19th', 'reschedule'],
    ['my daughter has a color on the 18th, cancel it pls', 'cancel'],
  ])('%j still changes that booking', (text, intent) => {
    const u = read(text);
    expect(u).toMatchObject({ intent, serviceId: 'svc-color' });
    expect(u.nextTo).toBeUndefined();
  });
});

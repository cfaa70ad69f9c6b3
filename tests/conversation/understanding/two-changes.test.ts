import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// Two changes in one text (f9next): the first is read on its own words and the second's words
// are kept (`then`) to be taken up once the first is committed.

const NY = 'America/New_York';
const ctx = { now: at('2026-12-01T09:00', NY), timeZone: NY, services: SERVICES, staff: STAFF, expecting: null };

describe('two changes in one text', () => {
  it.each([
    ['please cancel the haircut on friday, and move my colour to the 10th', 'cancel', 'svc-cut', 'move my colour to the 10th'],
    ['reschedule my color to monday at 1, and cancel my cut', 'reschedule', 'svc-color', 'cancel my cut'],
    ['move my cut to thursday and book my son a cut right after', 'reschedule', 'svc-cut', 'book my son a cut right after'],
  ])('%j: the first now, the second after', (text, intent, serviceId, then) => {
    expect(understand(text, ctx)).toMatchObject({ intent, serviceId, then });
  });

  it.each([
    'cancel my color and the haircut',
    'move my cut to friday and whats the address',
    'cancel my color on friday and my cut on the 10th',
  ])('%j is one request (with a question at most)', (text) => {
    expect(understand(text, ctx).then).toBeUndefined();
  });
});

// A change and a new booking in one text (f11c): each is its own request, done one after the other.
describe('a change and a new booking in one text', () => {
  it.each([
    ['please call off my thursday one and schedule a colour on the 10th at 2', 'cancel', 'schedule a colour on the 10th at 2'],
    ['cancel monday, also get my daughter a trim saturday at 11', 'cancel', 'get my daughter a trim saturday at 11'],
    ['get me a haircut friday at 3 and cancel the one on monday', 'book', 'cancel the one on monday'],
    ['schedule a dye on the 9th at 1 and move my cut to the 12th', 'book', 'move my cut to the 12th'],
  ])('%j: the first now, the second after', (text, intent, then) => {
    expect(understand(text, ctx)).toMatchObject({ intent, then });
  });

  it('a cancel with another service wanted on its own day puts that one in its place', () => {
    const u = understand("cancel my colour on monday, i'd rather have a haircut, the 11th at 10", ctx);
    expect(u).toMatchObject({ intent: 'cancel', serviceId: 'svc-color', replacedBy: 'svc-cut' });
    expect(u.then).toContain('haircut');
  });

  it.each([
    'cancel my 3pm and book 4pm instead',
    'cancel my color and the haircut',
    'book me a cut on friday at 3',
  ])('%j is one request', (text) => {
    expect(understand(text, ctx).then).toBeUndefined();
  });

  it('a cancel that gives a reason naming another day keeps the booking’s day, no new time', () => {
    const u = understand("cancel my one on monday, i'm away till thursday anyway", ctx);
    expect(u.intent).toBe('cancel');
    expect(u.when?.from.toISOString()).toBe(at('2026-12-07T00:00', NY).toISOString());
  });

  it('"+" joins a move and a question like "and"', () => {
    const u = understand("push my cut to friday same time + what's your address", ctx);
    expect(u).toMatchObject({ intent: 'reschedule', also: { intent: 'business_info', infoTopic: 'address' } });
  });
});

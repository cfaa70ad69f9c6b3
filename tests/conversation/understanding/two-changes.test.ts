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

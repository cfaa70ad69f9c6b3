import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 31a (set 30's yf019): "i need to cancel one of my saturday cuts" with cuts on two
// Saturdays proposed the first without asking. The words say several bookings are on that
// weekday: it names each of them, whichever week, and which one is asked.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('several bookings said to be on the weekday', () => {
  it.each([
    'i need to cancel one of my saturday cuts',
    'cancel either of my friday appts',
    'need to drop one of my monday appointments',
    'cancel one of the cuts i have on sat',
    'can u cancel one of my 2 thursday ones',
    'move one of my saturday appts to sunday',
  ])('%s', (text) => expect(read(text).severalOnWeekday).toBe(true));
});

describe('near misses: one booking on the weekday', () => {
  it.each([
    'cancel my saturday cut',
    'cancel one of my appts',
    'cancel saturday',
    'move my friday appt to monday',
    'cancel one saturday',
  ])('%s', (text) => expect(read(text).severalOnWeekday).toBeUndefined());
});

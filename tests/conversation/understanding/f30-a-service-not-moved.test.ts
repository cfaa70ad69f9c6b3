import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30a (set 29's yd014): "I need to move my haircut, not the color" read the two services
// as a swap (haircut to color) and moved the color. A service said as the one NOT changed is
// ruled out of a move as it is of a booking: the service left names the booking moved.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a move that names the service not to change', () => {
  it.each([
    ['I need to move my haircut, not the color', 'svc-cut'],
    ['can i reschedule my color, not the haircut', 'svc-color'],
    ['move my trim, not the dye, to friday', 'svc-cut'],
    ['i want to reschedule the color, not the cut', 'svc-color'],
    ['move my haircut and not the color', 'svc-cut'],
  ])('%s', (text, service) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe(service);
  });
});

describe('near misses: a service changed into another, or none ruled out', () => {
  it('"change my haircut to a color" is still the cut swapped for a color', () => {
    const u = read('change my haircut to a color');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.replacedBy).toBe('svc-color');
  });
  it('"move my color to friday" moves the color', () => expect(read('move my color to friday').serviceId).toBe('svc-color'));
  it('"move my color to friday not monday" rules out a day, not a service', () => expect(read('move my color to friday not monday').serviceId).toBe('svc-color'));
});

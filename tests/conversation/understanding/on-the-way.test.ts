import { describe, expect, it } from 'vitest';
import { onlySaysOnTheWay } from '../../../src/conversation/understanding/on-the-way.ts';

describe('onlySaysOnTheWay', () => {
  it.each([
    'running late',
    'running 10 late sorry!',
    'omw',
    'on my way!! see u soon',
    'pls tell dana im 5 min out!! parking now',
    'be there in 10, traffic is bad sorry',
    "stuck in traffic, gonna be like 15 min late for my 2pm",
    'omw but running like 10 behind, be there soon',
    'running late, be there in 20 min!! so sorry',
  ])('"%s" only says the customer is coming', (text) => {
    expect(onlySaysOnTheWay(text)).toBe(true);
  });

  it.each([
    'running late can someone call me',
    "omw but running behind, like 15 min. will lee still be able to take me?",
    'running late, can u push it to 3',
    'tell my stylist i am running late',
    'im late on rent lol can i pay later',
    'cancel, running late',
    'what if i run late',
    'book me a cut, on my way home now',
  ])('"%s" asks for something', (text) => {
    expect(onlySaysOnTheWay(text)).toBe(false);
  });
});

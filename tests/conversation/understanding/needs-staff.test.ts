import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { needsStaff } from '../../../src/conversation/understanding/needs-staff.ts';
import { ctxOnDec1 } from './fixtures.ts';

describe('needsStaff: matters only a person at the business can handle', () => {
  it.each([
    'really disappointed with my color last time, it is nothing like the photo',
    'my highlights turned out brassy and patchy',
    'the haircut i got yesterday came out crooked',
    'can i use a gift certificate for my trim?',
    'do you take vouchers',
    'can i pay for it with venmo',
    'could you tell my stylist i will be 10 minutes late',
    'pls let the front desk know im parking now',
    'can someone give dana a heads up that im running behind',
  ])('%j is for a person', (text) => {
    expect(needsStaff(text)).toBe(true);
    expect(understand(text, ctxOnDec1()).intent).toBe('human');
  });

  it.each([
    'let me know if anything opens up earlier',
    'i am upset i have to cancel my friday appt',
    'Dana did a great job last time, book me with her again',
    'can you tell me when my appt is',
    'is there a fee if i cancel',
    "congrats you've been selected for a $500 gift card claim now",
  ])('%j is no hand-off', (text) => {
    expect(needsStaff(text)).toBe(false);
  });
});

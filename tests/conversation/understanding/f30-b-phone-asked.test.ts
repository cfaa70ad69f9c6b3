import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30b: the business's phone asked, however the number is shortened ("whats ur number",
// "what's your phone #", "the salon's phone no. pls"), is the contact answer, never a booking.

describe('the phone number asked', () => {
  it.each([
    'whats ur number',
    "what's your phone #",
    "can i get the salon's phone no. pls",
    'phone num?',
    'whats the shop phone nbr',
    'what number do i call to reach you guys',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1(null));
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('contact');
  });
});

describe('near misses: "phone" and "no" apart', () => {
  it.each([
    ['no phone, no worries', 'decline'],
    ["i'll phone, no need to text", 'unknown'],
    ['can i get a cut friday at 2, no phone call needed', 'book'],
  ])('%s', (text, intent) => {
    expect(understand(text, ctxOnDec1(null)).intent).toBe(intent);
  });
});

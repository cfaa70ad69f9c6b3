import { describe, expect, it } from 'vitest';
import { matchService, matchStaff, type StaffEntry } from '../../../src/conversation/understanding/index.ts';
import { SERVICES } from './fixtures.ts';

// Set 11's staff and service words (r060, r063, r014), in other wordings: a staff name in the
// possessive ("lee's openings"), a name misspelt where a customer puts whom they want ("lea on
// friday"), and everyday words one letter from a service word ("before my trip" is no trim).

const STAFF: StaffEntry[] = [
  { id: 'st-dana', name: 'Dana' },
  { id: 'st-lee', name: 'Lee' },
];
const who = (text: string) => matchStaff(text, STAFF)?.id;

describe('a staff name in the possessive', () => {
  it.each([
    ["what's dana's availability thursday", 'st-dana'],
    ['lees times on sat?', 'st-lee'],
    ["can i see lee's schedule for the 12th", 'st-lee'],
  ])('%j → %s', (text, id) => expect(who(text)).toBe(id));
});

describe('a name misspelt in a staff member\'s place', () => {
  it.each([
    ['lei on saturday at 11 for a trim', 'st-lee'],
    ['dena tmrw at 10?', 'st-dana'],
    ['dnaa friday 2pm', 'st-dana'],
    ['trim with lea at 3', 'st-lee'],
  ])('%j → %s', (text, id) => expect(who(text)).toBe(id));

  it.each(['let me know if friday works', 'see you on friday', 'a trim for my niece lea', 'leg wax on friday', 'data on friday'])('%j names nobody', (text) => {
    expect(who(text)).toBeUndefined();
  });
});

describe('everyday words one letter from a service word', () => {
  it.each(['need it done before my trip', 'colon cleanse lol', 'the chair by the window', 'back from my trips on the 9th'])('%j names no service', (text) => {
    expect(matchService(text, SERVICES)).toBeUndefined();
  });

  it('the service words themselves still count', () => {
    expect(matchService('a quick trim before my trip', SERVICES)?.id).toBe('svc-cut');
    expect(matchService('a trimm on friday', SERVICES)?.id).toBe('svc-cut');
  });
});

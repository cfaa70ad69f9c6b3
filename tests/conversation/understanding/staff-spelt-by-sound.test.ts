import { describe, expect, it } from 'vitest';
import { matchStaff, type StaffEntry } from '../../../src/conversation/understanding/index.ts';

// A staff name written as it sounds ("leigh", "danna", "kaytie"): another spelling of the same
// sound in a staff member's place, never another word.

const STAFF: StaffEntry[] = [
  { id: 'st-dana', name: 'Dana' },
  { id: 'st-lee', name: 'Lee' },
  { id: 'st-katie', name: 'Katie' },
];

describe('a name spelt by its sound', () => {
  it.each([
    ['can leigh take me saturday', 'st-lee'],
    ['with danna on monday', 'st-dana'],
    ['is dayna free tmrw', 'st-dana'],
    ['leigh at 3 on friday?', 'st-lee'],
    ['booking with kaytie please', 'st-katie'],
  ])('%s', (text, id) => {
    expect(matchStaff(text, STAFF)?.id).toBe(id);
  });

  it.each(['can let me know', 'with lay', 'i am leaving at 4', 'dinner on friday'])('%s names nobody', (text) => {
    expect(matchStaff(text, STAFF)).toBeUndefined();
  });
});

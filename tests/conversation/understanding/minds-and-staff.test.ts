import { describe, expect, it } from 'vitest';
import { matchStaff, understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { at } from './fixtures.ts';

// Change of mind and staff requests while booking: a new hour at the summary, "forget it",
// a staff member named in a staff member's place, a weekday said on that weekday.

const NY = 'America/New_York';
// Tuesday 1 Dec 2026, 9:00 in New York.
const NOW = at('2026-12-01T09:00', NY);
const SERVICES = [{ id: 'cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim'] }];
const STAFF = [
  { id: 'lee', name: 'Lee' },
  { id: 'will', name: 'Will' },
];
const ctx = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ now: NOW, timeZone: NY, services: SERVICES, staff: STAFF, expecting, optionCount: 4 });
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');

describe('a new hour at the summary', () => {
  it.each([
    ['wait no, can we do 11 instead', '11:00'],
    ['no sorry 12 is better', '12:00'],
    ['hmm 4 would be better', '16:00'],
  ])('%j is the time %s, never a yes', (text, time) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.intent).not.toBe('confirm');
    expect(wall(u.when?.from)?.slice(11)).toBe(time);
    expect(u.when?.dayNamed).toBe(false);
  });

  it('a refused hour is no new time', () => {
    expect(understand('no i cant do 3', ctx('confirmation')).when).toBeUndefined();
  });
});

describe('taking the request back', () => {
  it.each(['actually no, forget it', 'nvm', 'scratch that, never mind', 'ok forget it thanks'])('%j drops what was asked', (text) => {
    const u = understand(text, ctx('choice'));
    expect(u).toMatchObject({ intent: 'decline', answer: 'no', abandons: true });
  });

  it('with a new request after it, the request counts', () => {
    const u = understand('forget it, thursday at 3 instead', ctx('choice'));
    expect(u.abandons).toBeUndefined();
    expect(wall(u.when?.from)).toBe('2026-12-03T15:00');
  });

  it('an intake answer is never taken for it', () => {
    expect(understand('nvm', ctx('intake')).abandons).toBeUndefined();
  });
});

describe('a staff member named in a staff member\'s place', () => {
  it.each([
    ['can lee do my cut on thursday at 4', 'lee'],
    ['lee tomorrow at 9:30 for a trim?', 'lee'],
    ['actually lee if theyre free', 'lee'],
    ['can will do my cut friday', 'will'],
    ['is will free at 3', 'will'],
    ['will if hes free', 'will'],
  ])('%j → %s', (text, id) => {
    expect(matchStaff(text, STAFF)?.id).toBe(id);
  });

  it('an everyday word is no name', () => {
    expect(matchStaff('will tomorrow work', STAFF)).toBeUndefined();
    expect(matchStaff('i will do tuesday', STAFF)).toBeUndefined();
  });

  it('"10 with lee then" at the list picks 10 o\'clock with Lee', () => {
    const u = understand('ok 10 with lee then', ctx('choice'));
    expect(u).toMatchObject({ intent: 'choose', staffId: 'lee', choiceTime: { hour: 10, minute: 0 } });
    expect(u.choiceIndex).toBeUndefined();
  });
});

describe('a weekday said on that weekday', () => {
  it.each([
    ['haircut tuesday at 3', '2026-12-08T15:00'],
    ['wait sorry i meant tuesday', '2026-12-08T00:00'],
    ['tues morning', '2026-12-08T00:00'],
    ['haircut today at 3', '2026-12-01T15:00'],
  ])('%j starts %s', (text, from) => {
    expect(wall(understand(text, ctx()).when?.from)).toBe(from);
  });

  it('an appointment named by it may be today\'s', () => {
    expect(wall(understand('cancel my tuesday appointment', ctx()).when?.from)).toBe('2026-12-01T00:00');
    expect(wall(understand('move my tuesday appt to friday at 10', ctx()).apptWhen?.from)).toBe('2026-12-01T00:00');
  });
});

describe('a staff member ruled out', () => {
  const TEAM_OF_THREE = [...STAFF, { id: 'dana', name: 'Dana' }];
  it.each(['haircut thursday at 3, anyone but lee', 'i dont want lee', 'not lee pls'])('%j asks for the one other person on a team of two', (text) => {
    const u = understand(text, ctx());
    expect(u.staffId).toBe('will');
    expect(u.anyStaff).toBeUndefined();
  });
  it.each(['haircut thursday at 3, anyone but lee', 'not lee pls'])('%j asks for no one in particular on a larger team', (text) => {
    const u = understand(text, { ...ctx(), staff: TEAM_OF_THREE });
    expect(u.staffId).toBeUndefined();
    expect(u.anyStaff).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { matchService, matchStaff } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF } from './fixtures.ts';

const serviceCases: Array<[string, string | undefined]> = [
  ['haircut', 'svc-cut'],
  ['Haircut', 'svc-cut'],
  ['hiarcut', 'svc-cut'],
  ['haircutt', 'svc-cut'],
  ['hair cut', 'svc-cut'],
  ['a quick trim', 'svc-cut'],
  ['haircuts', 'svc-cut'],
  ["men's haircut", 'svc-mens'],
  ['mens hair-cut', 'svc-mens'],
  ['barber', 'svc-mens'],
  ['hair color', 'svc-color'],
  ['hair colour', 'svc-color'],
  ['highlihgts', 'svc-color'],
  ['deep tissue massage', 'svc-massage'],
  ['deep tisue masage', 'svc-massage'],
  ['a massage', 'svc-massage'],
  ['back rub', 'svc-massage'],
  ['facial', 'svc-facial'],
  ['FÁCIAL treatment', 'svc-facial'],
  ['nails', 'svc-mani'],
  ['gel nails', 'svc-mani'],
  ['manicrue', 'svc-mani'],
  ['send me a message', undefined],
  ['what time is it', undefined],
  ['hello', undefined],
  ['', undefined],
  ['cat', undefined],
];

describe('matchService', () => {
  it.each(serviceCases)('%j → %s', (text, id) => {
    expect(matchService(text, SERVICES)?.id).toBe(id);
  });

  it('returns undefined for an empty catalog', () => {
    expect(matchService('haircut', [])).toBeUndefined();
  });
});

const staffCases: Array<[string, string | undefined]> = [
  ['with Dana', 'st-dana'],
  ['with dana scully', 'st-dana'],
  ['can I see Dnaa', 'st-dana'],
  ['with jose', 'st-jose'],
  ['with Will', 'st-will'],
  ['I will come tomorrow', undefined],
  ['haircut tomorrow', undefined],
];

describe('matchStaff', () => {
  it.each(staffCases)('%j → %s', (text, id) => {
    expect(matchStaff(text, STAFF)?.id).toBe(id);
  });
});

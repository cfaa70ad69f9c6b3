import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Which booking a change means, said back (issue 14, set 19's failures by class): a day asked
// back as a tag question ("its wednesday isnt it") names it, it rules nothing out; and a
// question naming a booking, then "cancel that one", cancels the one the question named.

describe('a day asked back with a tag question is that day, never one ruled out', () => {
  it.each([
    ['oh wait its wednesday isnt it, yeah cancel that one', '2026-12-02'],
    ['hmm its friday isn\'t it? cancel that one then', '2026-12-04'],
    ['it was thursday isnt it lol, that one pls', '2026-12-03'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1('choice'));
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it.each(['wednesday isnt good for me', 'friday isnt going to work', 'thursday doesnt work'])('%s: still ruled out', (text) => {
    const u = understand(`${text}, anything else?`, ctxOnDec1());
    expect(u.when?.description ?? '').not.toMatch(/wednesday|friday|thursday/);
  });
});

describe('a question naming a booking, then a change of "that one"', () => {
  it.each([
    ['which of my appts is with dana? cancel that one pls', { staffId: 'st-dana' }],
    ['which one is my color? cancel it', { serviceId: 'svc-color' }],
    ['which appointment do i have with dana? pls cancel that one', { staffId: 'st-dana' }],
  ])('%s', (text, named) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u).toMatchObject(named);
    expect(u.also).toBeUndefined();
  });

  it('a day the question asks is the booking canceled', () => {
    const u = understand('whats booked on friday? cancel that one', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2026-12-04');
  });

  it('a change naming its own booking keeps the question beside it', () => {
    const u = understand('which of my appts is with dana? and cancel my color', ctxOnDec1());
    expect(u.serviceId).toBe('svc-color');
    expect(u.staffId).toBeUndefined();
  });

  it('a change asked before the question is not pointed by it', () => {
    const u = understand('cancel that one, and which of my appts is with dana?', ctxOnDec1());
    expect(u.staffId).toBeUndefined();
  });
});

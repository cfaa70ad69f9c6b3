import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { localNY, ctxOnDec1 } from './fixtures.ts';

// Fixer 31d (set 30's yf110): "my daughter wants a trim too! i already have sat at 1 w lee, can she
// go at 1:30?" read the customer's own booking's time (1:00) as the one asked. The booking told
// of may open a later sentence: its day places the new booking, its time is not the new one's.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a booking told of after the request', () => {
  it.each([
    'my daughter wants a trim too! i already have sat at 1 w lee, can she go at 1:30?',
    'my son needs a cut. i have sat at 1, can he go at 1:30',
    'my wife wants a trim too! i have sat at 1 with lee, she can do 1:30',
    'i already have sat at 1, can my daughter get a trim too at 1:30?',
    'i have a cut sat at 1, can my daughter get a trim too at 1:30?',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.serviceId).toBe('svc-cut');
    expect(localNY(u.when?.from)?.slice(11)).toBe('13:30');
    expect(localNY(u.nextTo?.day?.from)?.slice(0, 10)).toBe('2026-12-05');
  });
});

describe('near misses: a day of its own, or no booking told', () => {
  it('a day of its own is read alone', () => expect(localNY(read('i already have a color monday, can i also book a trim wed at 2').when?.from)).toBe('2026-12-02 14:00'));
  it('no telling: the time asked', () => expect(localNY(read('my daughter wants a trim too! can she go sat at 1:30?').when?.from)).toBe('2026-12-05 13:30'));
  it('"i have to" tells no booking', () => expect(read('my son needs a cut. i have to work sat, can he go at 1:30').nextTo).toBeUndefined());
});

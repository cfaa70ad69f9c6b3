import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 26's zx044, zx038): "later in the day? like after 2" keeps the booking's own day
// and its window (no "in a day", no "the day after 2"); openings asked first ("anything friday
// after 5?") are the new time, the booking the move names after them.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('later or earlier in the day, with a window, on the booking day', () => {
  it.each([
    ['can my sat appt go later in the day? like after 2', '2026-12-05 00:00', '14:00'],
    ['can my thurs appt go later in the day? after 3 ideally', '2026-12-03 00:00', '15:00'],
    ['could my friday cut be earlier in the day, maybe before 11', '2026-12-04 00:00', '00:00'],
    ['could my sat one be earlier in the day? before noon', '2026-12-05 00:00', '00:00'],
  ])('%s', (text, booking, from) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(u.when?.dayNamed).toBe(false);
    expect(localNY(u.when?.from)?.slice(11)).toBe(from);
    expect(u.shift?.days).toBe(0);
  });
  it('"the day after" alone still moves a day on', () => {
    expect(read('can i come the day after instead').shift?.days).toBe(1);
  });
});

describe('openings asked first, then the booking moved', () => {
  it.each([
    ['anything friday after 5? need to switch my thursday appt, work got crazy', '2026-12-03 00:00', '2026-12-04 17:00'],
    ['anything thurs after 4? i have to move my wed appt', '2026-12-02 00:00', '2026-12-03 16:00'],
    ['any time sat morning? want to move my friday cut', '2026-12-04 00:00', '2026-12-05 00:00'],
    ['whats open sat morning? need to move my friday cut', '2026-12-04 00:00', '2026-12-05 00:00'],
  ])('%s', (text, booking, from) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)).toBe(from);
  });
  it('"anything is fine" before a move asks no openings', () => {
    const u = read('anything is fine, move my thursday appt to friday');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-03 00:00');
    expect(localNY(u.when?.from)).toBe('2026-12-04 00:00');
  });
});

import { describe, expect, it } from 'vitest';
import { menuEntryNamed, type MenuEntry } from '../../../src/conversation/providers/offline/which-appointment.ts';

// The answer to "which one?" among the appointments listed (offline provider): by service,
// day, person or clock time, and only when exactly one entry fits.

const MENU: MenuEntry[] = [
  { start: '2026-12-08T10:00', service: 'Haircut', staff: 'Dana' },
  { start: '2026-12-10T15:30', service: 'Haircut', staff: 'Lee' },
  { start: '2026-12-10T17:00', service: 'Color', staff: 'Dana' },
];

describe('the menu entry named', () => {
  it('by person, when only one is with them', () => {
    expect(menuEntryNamed(MENU, { staff: 'Lee' })).toBe(1);
    expect(menuEntryNamed(MENU, { staff: 'Dana' })).toBeUndefined();
  });

  it('by clock time', () => {
    expect(menuEntryNamed(MENU, { clock: { hour: 17, minute: 0 } })).toBe(2);
    expect(menuEntryNamed(MENU, { clock: { hour: 15, minute: 30 } })).toBe(1);
    expect(menuEntryNamed(MENU, { clock: { hour: 9, minute: 0 } })).toBeUndefined();
  });

  it('by what is said together: person and day', () => {
    expect(menuEntryNamed(MENU, { staff: 'Dana', day: '2026-12-10' })).toBe(2);
  });

  it('by service or day, as before', () => {
    expect(menuEntryNamed(MENU, { service: 'Color' })).toBe(2);
    expect(menuEntryNamed(MENU, { day: '2026-12-08' })).toBe(0);
    expect(menuEntryNamed(MENU, { day: '2026-12-10' })).toBeUndefined();
  });

  it('says nothing when the answer names nothing', () => {
    expect(menuEntryNamed(MENU, {})).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { asksForAll, cancelsAll } from '../../../src/conversation/understanding/which-booking.ts';
import { menuEntryNamed } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 27q (set 26's zx024, zx069, zx081, zx117): cancels. A booking of the list named by its
// month; a change only supposed ("if something comes up") asks the rules; a yes after a
// hesitation; "all three of the kids cuts" is every booking on the day.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string, expecting: Parameters<typeof ctxOnDec1>[0] = null) => understand(text, { ...ctxOnDec1(expecting), services: CATALOG });

describe('a change only supposed asks the rules, cancels nothing', () => {
  it.each([
    'if something comes up the day of can i still cancel or is there a fee',
    'in case anything pops up sat morning can i cancel last min?',
    'if my kid gets sick can we still reschedule friday',
    'if smth happens can i cancel the morning of??',
    'can i still cancel my cut saturday or do u charge',
    'could we still move it or is there a penalty',
    'if i get sick the day before can i cancel',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.infoTopic).toBe('policies');
    expect(u.intent).not.toBe('cancel');
  });
});

describe('near misses: a cancel asked for is still a cancel', () => {
  it.each(['cancel saturday', 'something came up, cancel my saturday cut pls', 'something came up so i need to cancel sat'])('%s', (text) => {
    expect(read(text).intent).toBe('cancel');
  });
  it('a new day said with the supposed change asks for the move', () => {
    expect(read('if something comes up can i move it to friday').infoTopic).not.toBe('policies');
  });
});

describe('a yes after a hesitation is a yes', () => {
  it.each([
    'wait actually... ugh ok yeah cancel it',
    'hmm idk.. fine yes',
    'ugh ok go ahead',
    'um well i guess yes',
    'wait actually ya',
    'sigh.. ok do it',
    'hmmm ok yep',
  ])('%s', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });
  it.each(['wait no', 'hmm nah', 'wait what time was it', 'ugh', 'actually hold on'])('%s is no yes', (text) => {
    expect(parseYesNo(text)).not.toBe('yes');
  });
});

describe('every booking counted: "all three of the kids cuts"', () => {
  it.each([
    'need to cancel all three of the kids cuts that day',
    'pls cancel all 3 of them on the 19th',
    'cancel all of em',
    'cancel all two of the cuts on sat',
    'can u cancel all four of our appts',
  ])('%s', (text) => {
    expect(cancelsAll(text)).toBe(true);
  });
  it.each(['can i book a cut for all three of us', 'all 3 of us need cuts sat', 'cancel the 3 oclock one'])('%s is no cancel of all', (text) => {
    expect(cancelsAll(text) || asksForAll(text)).toBe(false);
  });
});

describe('a booking of the list named by its month', () => {
  it.each(['the january one', 'the one in january', 'the one in jan pls', 'cancel the jan appt', 'the jan one lol'])('%s is the whole month at a list', (text) => {
    const u = read(text, 'choice');
    expect(localNY(u.when?.from)).toBe('2027-01-01 00:00');
    expect(localNY(u.when?.to)).toBe('2027-02-01 00:00');
  });
  it('a date in the month stays a day', () => {
    expect(localNY(read('jan 12', 'choice').when?.to)).toBe('2027-01-13 00:00');
  });
  const entries = [
    { start: '2026-12-08T10:00', service: 'Color', staff: 'Dana' },
    { start: '2027-01-12T10:00', service: 'Color', staff: 'Dana' },
  ];
  it('the one booking in the span is the one named', () => {
    expect(menuEntryNamed(entries, { within: { from: '2027-01-01', to: '2027-02-01' } })).toBe(1);
    expect(menuEntryNamed(entries, { within: { from: '2026-12-01', to: '2027-01-01' } })).toBe(0);
  });
  it('none or two in the span name none', () => {
    expect(menuEntryNamed(entries, { within: { from: '2027-02-01', to: '2027-03-01' } })).toBeUndefined();
    expect(menuEntryNamed(entries, { within: { from: '2026-12-01', to: '2027-02-01' } })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { bookingAfterCancel } from '../../../src/conversation/providers/offline/after-cancel.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import type { ChatMessage } from '../../../src/conversation/state.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { regretsCancel } from '../../../src/conversation/understanding/undo-cancel.ts';
import { ctxOnDec1, localNY, NY, SERVICES, STAFF } from '../understanding/fixtures.ts';

// f14c (set 12's u079): right after a cancel, "i didn't mean to do that, can u book me 4:30
// that same day" books the canceled service again, a time said without a day on the canceled day.

const canceled = { appointment_ref: 'A', service: 'Haircut', label: 'Haircut, Fri Dec 11, 3:00 PM', start_local: '2026-12-11T15:00', staff: 'Will Turner' };
const history = (said: string): ChatMessage[] => [
  { role: 'user', content: 'cancel my cut on the 11th' },
  { role: 'assistant', content: null, toolCall: { id: '1', name: 'list_my_appointments', arguments: '{}' } },
  { role: 'tool', toolCallId: '1', name: 'list_my_appointments', content: JSON.stringify({ ok: true, appointments: [canceled] }) },
  { role: 'assistant', content: null, toolCall: { id: '2', name: 'cancel_appointment', arguments: '{"appointment_ref":"A"}' } },
  { role: 'tool', toolCallId: '2', name: 'cancel_appointment', content: '{"ok":true}' },
  { role: 'user', content: 'y' },
  { role: 'assistant', content: 'Your Haircut on Fri Dec 11, 3:00 PM is canceled.', toolCall: null },
  { role: 'user', content: said },
];
const view = { now: '2026-12-01T14:00:00.000Z', timeZone: NY, services: SERVICES, staff: STAFF, offers: [], proposal: null } as unknown as ProviderView;
const after = (said: string) => bookingAfterCancel(view, understand(said, ctxOnDec1()), said, history(said));

describe('a cancel regretted', () => {
  it.each(['argh i hit yes by mistake', "i didn't mean to do that lol", 'sorry that was by accident'])('%j', (text) => {
    expect(regretsCancel(text)).toBe(true);
  });

  it.each(['cancel it', 'i meant the friday one', 'can i book 4:30'])('not %j', (text) => {
    expect(regretsCancel(text)).toBe(false);
  });
});

describe('a booking asked right after a regretted cancel', () => {
  it.each([
    ['oops i didnt mean to do that, can you book me 5pm that same day', '2026-12-11 17:00'],
    ['hit yes by mistake!! could i get 1:30 instead with will', '2026-12-11 13:30'],
    ['that was by accident, book me monday the 14th at 10 pls', '2026-12-14 10:00'],
  ])('%j is the canceled service at %s', (said, at) => {
    const u = after(said)?.u;
    expect(u?.intent).toBe('book');
    expect(u?.serviceId).toBe('svc-cut');
    expect(localNY(u?.when?.from)).toBe(at);
  });

  it('a new request with no regret nor rebooking words is read as itself', () => {
    expect(after('can i book 4:30 with will')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { bookingAfterCancel } from '../../../src/conversation/providers/offline/after-cancel.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import type { ChatMessage } from '../../../src/conversation/state.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, NY, SERVICES, STAFF } from '../understanding/fixtures.ts';

// f22-y (set 7's j86): right after a cancel, "can i get friday at 11 with lee back?" asks for
// the time just given up: the canceled service again, at the time said.

const canceled = { appointment_ref: 'A', service: 'Haircut', label: 'Haircut, Fri Dec 4, 11:00 AM', start_local: '2026-12-04T11:00', staff: 'Will Turner' };
const history = (said: string): ChatMessage[] => [
  { role: 'user', content: 'cancel my friday appt' },
  { role: 'assistant', content: null, toolCall: { id: '1', name: 'list_my_appointments', arguments: '{}' } },
  { role: 'tool', toolCallId: '1', name: 'list_my_appointments', content: JSON.stringify({ ok: true, appointments: [canceled] }) },
  { role: 'assistant', content: null, toolCall: { id: '2', name: 'cancel_appointment', arguments: '{"appointment_ref":"A"}' } },
  { role: 'tool', toolCallId: '2', name: 'cancel_appointment', content: '{"ok":true}' },
  { role: 'user', content: 'yes' },
  { role: 'assistant', content: 'Your Haircut on Fri Dec 4, 11:00 AM is canceled.', toolCall: null },
  { role: 'user', content: said },
];
const view = { now: '2026-12-01T14:00:00.000Z', timeZone: NY, services: SERVICES, staff: STAFF, offers: [], proposal: null } as unknown as ProviderView;
const after = (said: string) => bookingAfterCancel(view, understand(said, ctxOnDec1()), said, history(said));

describe('the time just canceled, asked back', () => {
  it.each([
    ['ugh sorry, i can make it after all. can i get friday at 11 with will back?', '2026-12-04 11:00'],
    ['could i have friday 11am back', '2026-12-04 11:00'],
    ['can i grab my friday 11 slot back pls', '2026-12-04 11:00'],
  ])('%j is the canceled service at %s', (said, at) => {
    const u = after(said)?.u;
    expect(u?.serviceId).toBe('svc-cut');
    expect(localNY(u?.when?.from)).toBe(at);
  });

  it.each(['can i get friday at 11 pushed back an hour', 'can i get monday at 2'])('not %j', (said) => {
    expect(after(said)).toBeUndefined();
  });
});

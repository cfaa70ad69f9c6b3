import { describe, expect, it } from 'vitest';
import { renderNotice, UnsupportedNotice } from '../../../src/channels/sms/render-notice.ts';
import { isGsm7 } from '../../../src/channels/sms/segments.ts';
import type { AppointmentFacts, Notice } from '../../../src/contract/notifier.ts';

// renderNotice is pure: a notice in, the SMS body out.

const facts: AppointmentFacts = {
  id: 'a1',
  status: 'confirmed',
  serviceName: 'Haircut',
  startsAt: new Date('2026-12-03T15:00:00Z'),
  endsAt: new Date('2026-12-03T15:30:00Z'),
  timeZone: 'America/New_York',
  locationName: 'Main St',
  locationAddress: '12 Main St, New York, NY',
  contactPhone: '+12125550100',
  businessName: 'Bright Salon',
  staffName: 'Dana',
};
const notice = (over: Partial<Notice>): Notice => ({ kind: 'reminder', to: { channel: 'sms', address: '+12125550401' }, idempotencyKey: 'k', appointment: facts, ...over });

describe('renderNotice', () => {
  it('a reminder names the service, the time in the location zone, the place, and R/C (never a carrier keyword)', () => {
    expect(renderNotice(notice({}))).toBe(
      'Bright Salon: reminder of your Haircut on Thu Dec 3, 10:00 AM EST at Main St, 12 Main St, New York, NY. Reply R to reschedule or C to cancel.',
    );
  });

  it('names the zone only when the texter may read times in another one', () => {
    const berlin = { ...facts, timeZone: 'Europe/Berlin', contactPhone: '+4930901820' };
    expect(renderNotice(notice({ to: { channel: 'sms', address: '+4915123456789' }, appointment: berlin }))).toContain('on Thu Dec 3, 4:00 PM at Main St');
    expect(renderNotice(notice({ to: { channel: 'sms', address: '+12125550401' }, appointment: berlin }))).toContain('on Thu Dec 3, 4:00 PM GMT+1 at Main St');
  });

  it('says what other kinds of notice are about, from the committed record', () => {
    expect(renderNotice(notice({ kind: 'confirmation' }))).toBe(
      'Bright Salon: your Haircut on Thu Dec 3, 10:00 AM EST at Main St, 12 Main St, New York, NY is confirmed. Questions? Call +12125550100.',
    );
    expect(renderNotice(notice({ kind: 'confirmation', appointment: { ...facts, status: 'requested', contactPhone: null } }))).toMatch(/is requested, not yet confirmed\.$/);
    expect(renderNotice(notice({ kind: 'cancellation' }))).toBe('Bright Salon: your Haircut on Thu Dec 3, 10:00 AM EST is canceled. Questions? Call +12125550100.');
    for (const kind of ['confirmation', 'reminder', 'cancellation'] as const) expect(isGsm7(renderNotice(notice({ kind })))).toBe(true);
  });

  it('refuses a kind it has no wording for, or a notice missing what its wording needs', () => {
    expect(() => renderNotice(notice({ kind: 'no_show_prompt' }))).toThrow(UnsupportedNotice);
    expect(() => renderNotice(notice({ kind: 'exception_alert' }))).toThrow(UnsupportedNotice);
    expect(() => renderNotice(notice({ kind: 'confirmation', appointment: undefined }))).toThrow(UnsupportedNotice);
    expect(() => renderNotice(notice({ kind: 'staff_reply', appointment: undefined, from: 'Bright Salon' }))).toThrow(UnsupportedNotice);
    expect(() => renderNotice(notice({ kind: 'staff_reply', appointment: undefined, text: 'Hi' }))).toThrow(UnsupportedNotice);
  });

  it('a person’s text is sent as written under the business name, with choices it does not spell out appended', () => {
    const reply = notice({ kind: 'staff_reply', appointment: undefined, from: 'Bright Salon', text: '  We can fit you in earlier. ', choices: [{ value: '1', label: 'Thu 9:00 AM' }] });
    expect(renderNotice(reply)).toBe('Bright Salon: We can fit you in earlier.\n1) Thu 9:00 AM');
    expect(renderNotice({ ...reply, kind: 'reschedule_offer', appointment: facts, choices: [] })).toBe('Bright Salon: We can fit you in earlier.');
  });
});

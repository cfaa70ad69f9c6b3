import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksPolicy } from '../../../src/conversation/understanding/policy-question.ts';
import { parseShift, withoutNoticeGiven } from '../../../src/conversation/understanding/moves.ts';
import { bookingByOrder } from '../../../src/conversation/understanding/which-booking.ts';
import { byOrder, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctx } from './fixtures.ts';

describe('a fee asked with "if u change": the customer\'s own change, asked about', () => {
  it.each(['do u charge a fee if you cancel same day', 'any penalty when u reschedule last minute', 'is there a charge if you move it', 'will you charge me if u cancel'])(
    '%j asks for the policy',
    (text) => {
      expect(asksPolicy(text)).toBe(true);
      expect(understand(text, ctx(null))).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
    },
  );

  it('a cancel asked for plainly stays a cancel', () => {
    expect(understand('can you cancel my friday appt', ctx(null)).intent).toBe('cancel');
  });
});

describe('the notice given before a cancel moves nothing and dates nothing', () => {
  it.each(['thats at least 2 days ahead so cancel friday', 'well over 48 hours before, cancel it', 'more than a day notice'])('%j has no shift', (text) => {
    expect(parseShift(text)).toBeUndefined();
  });

  it('an amount said as a way to move is still a shift', () => {
    expect(parseShift('move it 2 hours earlier')?.minutes).toBe(-120);
    expect(parseShift('an hour before')?.minutes).toBe(-60);
  });

  it('the notice is taken out before dates are read', () => {
    expect(withoutNoticeGiven('its more than 24h before my 3pm friday')).not.toMatch(/24h/);
    expect(withoutNoticeGiven('cancel my 3pm friday')).toBe('cancel my 3pm friday');
  });

  it('is read as a cancel of the booking named', () => {
    const u = understand('its well over 48 hours before my 4pm thursday so please cancel it', ctx(null));
    expect(u.intent).toBe('cancel');
    expect(u.shift).toBeUndefined();
    expect(u.when?.description).toMatch(/4pm/);
  });
});

describe('the booking asked back without "did"', () => {
  it.each(['can you tell me what we booked', 'i forget what i scheduled lol', 'not sure what i picked', 'do i still have the 10th booked', 'have i got friday booked', 'did we already have tmrw scheduled'])(
    '%j asks what is booked',
    (text) => {
      expect(understand(text, ctx(null)).intent).toBe('my_appointments');
    },
  );

  it('a booking asked for is no question', () => {
    expect(understand('can i get the 10th booked for a cut', ctx(null)).intent).not.toBe('my_appointments');
  });
});

describe('a booking named by its place: "the one thats later", "the middle one"', () => {
  it.each([
    ["cancel the one that's earlier", 0],
    ['the one which is later, move it to friday', -1],
    ['drop the middle appt', 'middle'],
    ['cancel the middle one', 'middle'],
  ] as const)('%j is %j', (text, order) => {
    expect(bookingByOrder(text)).toBe(order);
  });

  const at = (start_local: string) => ({ start_local }) as ListedAppointment;
  it('the middle of an odd count is one; of an even count, none', () => {
    expect(byOrder([at('2026-12-09 10:00'), at('2026-12-02 10:00'), at('2026-12-21 10:00')], 'middle')).toEqual([at('2026-12-09 10:00')]);
    expect(byOrder([at('2026-12-02 10:00'), at('2026-12-09 10:00')], 'middle')).toHaveLength(2);
  });
});

describe('the booking asked about, then a time said as its change', () => {
  it.each([
    ['when is my haircut? could we do 4 instead', 'svc-cut'],
    ['what time was my colour again, can it be noon that day instead', 'svc-color'],
  ])('%j moves the booking asked about, the question answered beside it', (text, serviceId) => {
    const u = understand(text, ctx(null));
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe(serviceId);
    expect(u.also?.intent).toBe('my_appointments');
  });

  it('a new booking after the question stays a new booking', () => {
    expect(understand('what day is my color? i want to book a cut that day at 2', ctx(null)).intent).toBe('book');
  });
});

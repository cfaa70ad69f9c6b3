import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// Changes of a booking (held-out set 9): a change taken back in the same text for another
// ("cancel it. no wait, move it"), a service switched for another ("switch my dye to a trim"),
// a cancel with another service on a day of its own, and a booked time said to be "too early".

describe('a change taken back in the same text', () => {
  it('the move said last counts, for the booking the cancel named', () => {
    const u = understand('pls cancel my color on monday. wait no, can you push it to tuesday same time', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe('svc-color');
    expect(local(u.apptWhen?.from)).toBe('2026-12-07 00:00');
    expect(local(u.when?.from)).toBe('2026-12-08 00:00');
    expect(u.then).toBeUndefined();
  });

  it('a cancel said last counts, of the booking the move named', () => {
    const u = understand('move my trim on the 9th to friday. actually nah just cancel it', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-cut');
    expect(local(u.when?.from)).toBe('2026-12-09 00:00');
  });

  it('two changes said one after the other both stand', () => {
    const u = understand('cancel my color and move my cut to friday', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.then).toBe('move my cut to friday');
  });
});

describe('a service switched for another', () => {
  it('is a cancel, then the other service at the same time', () => {
    const u = understand('could we change my dye on the 10th to a trim instead', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-color');
    expect(u.replacedBy).toBe('svc-cut');
    expect(local(u.when?.from)).toBe('2026-12-10 00:00');
    expect(u.then).toMatch(/same time$/);
  });

  it('a time said with the new service is kept', () => {
    const u = understand('switch my trim to a manicure at 4pm', ctx());
    expect(u.replacedBy).toBe('svc-mani');
    expect(u.then).toContain('4pm');
  });

  it('another request after the new time is no switch', () => {
    expect(understand('can i change my haircut on friday to 3pm and add a color', ctx()).replacedBy).toBeUndefined();
  });
});

describe('a cancel and another service on a day of its own', () => {
  it('the booking is asked once the cancel is done', () => {
    const u = understand('cancel my manicure on wednesday and get me a facial on thursday at 2 instead', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.then).toContain('facial on thursday at 2');
  });

  it('one with no day of its own waits for the cancel, then asks its time', () => {
    const u = understand('cancel my manicure friday and book a facial instead', ctx());
    expect(u.replacedBy).toBe('svc-facial');
    expect(u.then).toBeUndefined();
  });
});

describe('the booked time said to be too early or too late', () => {
  it.each([
    ['could i come a bit later on friday? 10 is too early for me, like 1pm', '2026-12-04 13:00'],
    ['can i come earlier on the 9th? 5 is too late, maybe 2pm', '2026-12-09 14:00'],
  ])('%s: a change of the booked time', (text, at) => {
    const u = understand(text, ctx());
    expect(u.changesBooked).toBe(true);
    expect(local(u.when?.from)).toBe(at);
  });

  it('"me too" still asks for a booking of its own', () => {
    expect(understand('can i come in later on friday too, like 1pm', ctx()).changesBooked).toBeUndefined();
  });
});

describe('a question about a booking, then a request placed by "it"', () => {
  it('is a new booking next to the booking asked about', () => {
    const u = understand('when is my cut on friday? can i book a manicure an hour before it', ctx());
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe('svc-mani');
    expect(u.nextTo).toMatchObject({ edge: 'start', minutes: -60, serviceId: 'svc-cut' });
    expect(local(u.nextTo?.day?.from)).toBe('2026-12-04 00:00');
  });

  it('a question beside one of its own stays a question', () => {
    const u = understand('what time is my color on monday, and how much is a trim', ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.nextTo).toBeUndefined();
  });
});

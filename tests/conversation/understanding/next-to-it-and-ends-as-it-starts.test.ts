import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { appointmentMeant } from '../../../src/conversation/providers/offline/next-to.ts';
import { lastBooked, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// A new booking placed by one the customer has, said by "it" (the booking just talked about),
// by its end meeting the other's start, or copied at its time from a booking named by a span.

describe('"right after it": next to the booking just talked about', () => {
  it.each([
    ['sure, could i tack on a trim after it?', 'svc-cut', 'end', 0],
    ['add a colour just before it please', 'svc-color', 'start', 0],
    ['can i squeeze a haircut in 30 min after it', 'svc-cut', 'end', 30],
    ['cool and a trim right after that appointment', 'svc-cut', 'end', 0],
    ['oh and a cut right when it ends', 'svc-cut', 'end', 0],
    ['once that is over can i get a trim', 'svc-cut', 'end', 0],
    ['could i get a cut right afterwards', 'svc-cut', 'end', 0],
    ['and a trim afterwards pls', 'svc-cut', 'end', 0],
  ])('%j', (text, serviceId, edge, minutes) => {
    const u = understand(text, ctxOnDec1());
    expect(u).toMatchObject({ intent: 'book', serviceId, nextTo: { edge, minutes, person: 'other' } });
  });
});

describe('"when i\'m done with my color", "at the end of my color": after that booking', () => {
  it.each(['a trim when im done with my colour on friday', 'can i add a haircut to the end of my dye appt please', 'book a cut for after we are finished with the highlights'])('%j', (text) => {
    expect(understand(text, ctxOnDec1()).nextTo).toMatchObject({ edge: 'end', minutes: 0, serviceId: 'svc-color' });
  });

  it('"afterwards" inside another request places nothing', () => {
    expect(understand('can i pay afterwards for my cut', ctxOnDec1()).nextTo).toBeUndefined();
  });
});

describe('"finishing right when my cut starts": the new booking ends as the other starts', () => {
  it.each([
    ['can i get a colour on friday so im done by the time my cut starts', 'svc-cut'],
    ['book a dye thursday ending right as my haircut begins', 'svc-cut'],
    ['i would like highlights that finish right at the start of my trim on the 10th', 'svc-cut'],
    ['add a cut too, wrapping up just when my color is due to start', 'svc-color'],
  ])('%j', (text, booked) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.nextTo).toMatchObject({ edge: 'start', minutes: 0, serviceId: booked });
  });

  it('"when my cut starts" is no question about the cut', () => {
    const u = understand('want a colour on the 10th as well, finished when my 3pm trim begins', ctxOnDec1());
    expect(u.also).toBeUndefined();
    expect(u.nextTo).toMatchObject({ edge: 'start', serviceId: 'svc-cut' });
    expect(localNY(u.nextTo?.day?.from)).toBe('2026-12-10 00:00');
  });
});

describe('"same time as my cut this week": a booking named by a span of days', () => {
  it.each([
    ['could i do highlights on the 18th, same hour as the cut i have this week', '2026-12-01 00:00', '2026-12-07 00:00'],
    ['another colour for jan 5th please, the same slot as my one next week', '2026-12-07 00:00', '2026-12-14 00:00'],
    ['a trim on jan 12 at the same time as my appt later this month', '2026-12-01 00:00', '2027-01-01 00:00'],
  ])('%j', (text, from, to) => {
    const u = understand(text, ctxOnDec1());
    expect(u.nextTo?.edge).toBe('same');
    expect([localNY(u.nextTo?.day?.from), localNY(u.nextTo?.day?.to)]).toEqual([from, to]);
  });

  it('the provider finds the booking anywhere in the span, not only on its first day', () => {
    const cut = { service: 'Haircut', start_local: '2026-12-03T09:00' };
    const color = { service: 'Color', start_local: '2026-12-09T11:00' };
    expect(appointmentMeant([cut, color], { service: 'Haircut', day: '2026-12-01', until: '2026-12-07' })).toBe(cut);
    expect(appointmentMeant([cut, color], { day: '2026-12-07', until: '2026-12-14' })).toBe(color);
    expect(appointmentMeant([cut, color], { service: 'Haircut', day: '2026-12-07', until: '2026-12-14' })).toBeUndefined();
  });
});

describe('the booking talked about last', () => {
  const cut: ListedAppointment = { appointment_ref: 'a', service: 'Haircut', label: 'Haircut, Fri Dec 4, 2:00 PM with Lee', start_local: '2026-12-04T14:00' };
  const color: ListedAppointment = { appointment_ref: 'b', service: 'Color', label: 'Color, Mon Dec 7, 11:00 AM with Dana', start_local: '2026-12-07T11:00' };
  const said = (content: string) => ({ role: 'assistant' as const, content, toolCall: null });

  it('is the one a move just put in place', () => {
    expect(lastBooked([said('Done: your Haircut is now Fri Dec 4, 2:00 PM with Lee.')], [cut, color])).toBe(cut);
  });

  it('is the one shown alone, not one of several listed', () => {
    expect(lastBooked([said('You have: Color, Mon Dec 7, 11:00 AM with Dana.')], [cut, color])).toBe(color);
    const both = said('Your upcoming appointments:\n1) Haircut, Fri Dec 4, 2:00 PM with Lee\n2) Color, Mon Dec 7, 11:00 AM with Dana');
    expect(lastBooked([both], [cut, color])).toBeUndefined();
    expect(lastBooked([said('Booked: Color, Mon Dec 7, 11:00 AM with Dana. Reply R to reschedule or C to cancel.'), both], [cut, color])).toBe(color);
  });
});

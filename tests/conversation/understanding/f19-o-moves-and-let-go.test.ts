import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { moveAfterPolicy, rememberMoveAsked } from '../../../src/conversation/providers/offline/move-after-policy.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// f19-o (set 18's zh016, zh018, zh021, zh040, zh064, zh094; set 17's zf024, zf066, zf076,
// zf086, zf093, zf095): which booking a change names, the hour it moves to, a window said
// to be fine, a rules question before a move, and a booking let go without "cancel".

describe('the person a booking is had with names it, with or without a move verb', () => {
  it.each([
    'the appt i have with will, could that go to 3pm same day instead of 11?',
    'move the one i booked with will to 4',
    'can the appointment we have w will be 2pm instead of 10',
  ])('%s', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.staffId).toBe('st-will');
    expect(u.staffNamesBooking).toBe(true);
  });

  it('a change said with "instead" and no move verb names its booking by the person', () => {
    const u = understand("the appt i've got with will, can we make it 3 instead", ctx());
    expect(u.changesBooked).toBe(true);
    expect(u.staffNamesBooking).toBe(true);
  });

  it('a person said with the new time of such a change is who does it', () => {
    expect(understand('can we make it 3 with will instead', ctx()).staffNamesBooking).toBeUndefined();
  });

  it('a person said after the new time is who does it, not which booking', () => {
    expect(understand('move my cut to friday at 3 with will', ctx()).staffNamesBooking).toBeUndefined();
  });
});

describe('the hour a booking is moved to, followed by its day or a reason', () => {
  it.each([
    ['pls push the earlier of my two bookings to 11 that same morning', '11:00'],
    ['can we bump it to 12 to be safe', '12:00'],
    ['move my cut to 4 that same day', '16:00'],
    ['shift it to 3 just in case', '15:00'],
    ['move it to 3 that afternoon', '15:00'],
  ])('%s', (text, clock) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.when?.exactTime).toBe(true);
    expect(local(u.when?.from)?.slice(11)).toBe(clock);
  });

  it('a date after "to" stays a date', () => {
    const u = understand('move it to the 12th', ctx());
    expect(u.when?.exactTime).toBe(false);
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-12');
  });
});

describe('what is booked said to go or be at another time', () => {
  it.each([
    ['can my cut go from thurs to friday 2pm', '2026-12-03', '2026-12-04 14:00'],
    ['could my color be moved from monday to wed at 10', '2026-12-07', '2026-12-02 10:00'],
    ['can my massage go from the 8th to the 9th at 1', '2026-12-08', '2026-12-09 13:00'],
  ])('%s: the first day is the booking, the rest its new time', (text, booking, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe(booking);
    expect(local(u.when?.from)).toBe(target);
  });

  it.each(['can my color be on tues the 15th at 10', 'could my cut be at 2 on friday', 'would my facial be on the 9th'])('%s: a change of what is booked', (text) => {
    const u = understand(text, ctx());
    expect(u.changesBooked).toBe(true);
  });

  it.each(['can my son be at 3 on friday', 'can my daughter go from school at 3'])('%s: someone else, no change of a booking', (text) => {
    const u = understand(text, ctx());
    expect(u.changesBooked).toBeUndefined();
    expect(u.intent).not.toBe('reschedule');
  });
});

describe('a window said to be fine keeps no booking', () => {
  it.each([
    ['can you move it to thursday the 10th? any time after 5 is fine', '2026-12-10 17:00'],
    ['move me to friday, anything after 2 is ok', '2026-12-04 14:00'],
    ['can we push it to the 9th. whenever after 1 is good', '2026-12-09 13:00'],
  ])('%s: the window is the new time', (text, from) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.when?.exactTime).toBe(false);
    expect(local(u.when?.from)).toBe(from);
  });

  it('a day said to be fine beside a cancel is still the one kept', () => {
    const u = understand('cancel monday, thursday is still good', ctx());
    expect(u.intent).toBe('cancel');
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
  });
});

describe('"next week? after 5" is no "week after"', () => {
  it.each(['can i switch to an evening next week? after 5, i work till 4:30', 'move me to next week after 4'])('%s', (text) => {
    const u = understand(text, ctx());
    expect(u.shift?.days ?? 0).toBe(0);
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
  });

  it.each(['same time the week after', 'move it to the week after', 'the week after, same time', 'would same time the week after work?'])('%s: still a week on', (text) => {
    expect(understand(text, ctx()).shift?.days).toBe(7);
  });
});

describe('a rules question about a move, then its new time', () => {
  it.each(['is it too late to move my friday appt? i know u need 24h', 'how much notice do you need to reschedule my cut on the 10th', 'can i still move my thursday one for free'])(
    '%s: the move is remembered',
    (text) => {
      const u = understand(text, ctx());
      expect(u.intent).toBe('business_info');
      expect(u.moveAsked).toBe(true);
      expect(rememberMoveAsked(u)).toBeDefined();
    },
  );

  it('a rules question about a cancel asks no move', () => {
    expect(understand('is it too late to cancel my friday appt', ctx()).moveAsked).toBeUndefined();
  });

  it('a bare new time next is the move of the booking asked about', () => {
    const asked = rememberMoveAsked(understand('is it too late to move my friday appt?', ctx()));
    const u = moveAfterPolicy(understand('cool, 3pm same day then', ctx()), asked);
    expect(u?.intent).toBe('reschedule');
    expect(local(u?.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-04');
    expect(local(u?.when?.from)?.slice(11)).toBe('15:00');
  });

  it.each(['ok book my son a cut at 3', 'thanks'])('%s: no move', (text) => {
    const asked = rememberMoveAsked(understand('is it too late to move my friday appt?', ctx()));
    expect(moveAfterPolicy(understand(text, ctx()), asked)).toBeUndefined();
  });
});

describe('a booking let go without "cancel"', () => {
  it.each([
    ['dont want the color anymore', 'svc-color'],
    ['the friday one i dont need anymore', undefined],
    ['the cut on the 3rd can go', 'svc-cut'],
    ['we no longer want the massage', 'svc-massage'],
    ['my thursday cut can go, thanks', 'svc-cut'],
  ])('%s', (text, service) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe(service);
  });

  it.each(['my son can go at 3', 'can my cut go to friday', 'i can go thursday', 'the 3pm can go to 4'])('%s: not a cancel', (text) => {
    expect(understand(text, ctx()).intent).not.toBe('cancel');
  });

  it('a cancel let go so, then a booking of another service, does both in turn', () => {
    const u = understand('two things: the cut on the 3rd can go, and id like a color tmrw at 9 instead', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.then).toMatch(/color/);
  });

  it('a move, then a booking not needed, both asked', () => {
    const u = understand('the monday one can it be 10 instead of 9? and the friday one i dont need anymore', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.then).toMatch(/friday one i dont need/);
  });
});

describe('a cancel of a booking named without its service, and another service instead', () => {
  it.each([
    'cancel my wed the 9th appt and book me a color tues the 15th at 10 instead',
    'cancel my friday appointment and book a massage monday at 2 instead',
    'cancel the one on the 8th and schedule me a manicure on the 10th at 11 instead',
  ])('%s: a move only if that booking is of that service, else the cancel and then the booking', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.orCancelThen).toBeDefined();
  });

  it('the canceled booking named by service is read as before', () => {
    const u = understand('cancel my haircut and book a color friday at 10 instead', ctx());
    expect(u.orCancelThen).toBeUndefined();
  });

  it('a new time with no service asked instead is a move', () => {
    expect(understand('cancel my 3pm and book 4pm instead', ctx()).orCancelThen).toBeUndefined();
  });
});

describe('the services said to stay', () => {
  it.each([
    ['decided i dont need the massage after all, drop that one (the 19th). cut and color stay', 'svc-massage'],
    ['cancel the facial, the rest stay put', 'svc-facial'],
  ])('%s', (text, service) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe(service);
  });
});

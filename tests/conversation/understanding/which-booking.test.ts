import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { NY, at, ctx } from './fixtures.ts';

// Which booking a cancel means (issue 14): every one, several named one by one, the one left
// when another is kept, another than the one on screen, the last cancel again, "still on?".

describe('every booking meant', () => {
  it.each(['please cancel both of my appointments', 'cancel them both', 'cancel all my appointments', 'cancel everything i have on friday', 'cancel all of them'])(
    '%s: a cancel of all',
    (text) => {
      const u = understand(text, ctx());
      expect(u.intent).toBe('cancel');
      expect(u.allBookings).toBe(true);
    },
  );

  it.each(['cancel my haircut', 'cancel the one with dana', 'cancel friday'])('%s: one booking', (text) => {
    expect(understand(text, ctx()).allBookings).toBeUndefined();
  });
});

describe('several bookings named in one text', () => {
  it('each part joined by "and" names one booking by service and day', () => {
    const u = understand('cancel my dye on friday and the haircut on the 10th', ctx());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => t.serviceId)).toEqual(['svc-color', 'svc-cut']);
    expect(u.targets?.map((t) => t.when?.from.toISOString())).toEqual([at('2026-10-30T00:00', NY).toISOString(), at('2026-11-10T00:00', NY).toISOString()]);
  });

  it('days alone name bookings too', () => {
    expect(understand('need to cancel thursday and next tuesday', ctx()).targets).toHaveLength(2);
  });

  it.each(['cancel my haircut on friday', "can't make it thursday and need to cancel", 'friday i only want the dye now and drop the trim'])('%s: no list of bookings', (text) => {
    expect(understand(text, ctx()).targets).toBeUndefined();
  });
});

describe('the booking left when another is kept', () => {
  it.each([
    ['i wanna cancel the dye, keep the cut', 'svc-color'],
    ['i still want the dye, just cancel the haircut', 'svc-cut'],
    ['friday i only want the dye now, drop the trim', 'svc-cut'],
    ['scrap the highlights but leave my trim', 'svc-color'],
    ['please ditch the haircut on friday, the dye is fine', 'svc-cut'],
  ])('%s: %s', (text, service) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe(service);
  });

  it('"drop it off" is no cancel', () => {
    expect(understand('can i drop it off friday at 2', ctx()).intent).not.toBe('cancel');
  });
});

describe("what can't be made names the booking", () => {
  it.each(["i can't make the afternoon one friday, please cancel it", "won't be able to come to friday afternoon, cancel it"])('%s: that afternoon, not ruled out', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.when?.from).toEqual(at('2026-10-30T12:00', NY));
  });

  it("i can't make friday, cancel it: friday", () => {
    expect(understand("i can't make friday, cancel it", ctx()).when?.from).toEqual(at('2026-10-30T00:00', NY));
  });
});

describe('another booking, or the same request again', () => {
  it.each(["oops no i meant friday's dye", 'sorry no, i meant the haircut', 'wait wrong one, the monday one', 'no not that one, the one with dana'])('%s: another one meant', (text) => {
    expect(understand(text, ctx('confirmation')).meantOther).toBe(true);
  });

  // f11c: a cancel of several narrowed to one at its summary.
  it.each(['hmm actually only the 10th one, keep the tuesday', 'no wait just my dye appt', 'only the thursday booking pls'])('%s: the one of several meant', (text) => {
    expect(understand(text, ctx('confirmation')).meantOther).toBe(true);
  });

  it.each(['i just want one appointment', 'only need one booking'])('%s: names no booking', (text) => {
    expect(understand(text, ctx('confirmation')).meantOther).toBeUndefined();
  });

  it.each(['and the dye on monday too', 'the haircut as well', 'also my friday one', 'same for the monday one'])('%s: continues the last request', (text) => {
    expect(understand(text, ctx()).continues).toBe(true);
  });

  it.each(['and can i book a haircut too', 'i want a trim too'])('%s: a booking of its own', (text) => {
    expect(understand(text, ctx()).continues).toBeUndefined();
  });
});

describe('is my booking still on', () => {
  it.each(['hey am i still on for thurs?', 'is my appt still on for friday?', 'are we still good for tomorrow', 'just checking im still booked thursday?', 'is my haircut still on'])(
    '%s: a question about what is booked',
    (text) => {
      expect(understand(text, ctx()).intent).toBe('my_appointments');
    },
  );
});

describe('the day or person kept is not the one canceled (f-around)', () => {
  it.each([
    ['scrap my friday booking please, wednesday is still on', '2026-10-30T00:00'],
    ['cancel thursday. tuesday can stay', '2026-10-29T00:00'],
    ['please nix the saturday one but monday still works', '2026-10-31T00:00'],
  ])('%s', (text, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.when?.from.toISOString()).toBe(at(day, NY).toISOString());
  });

  it('the person kept is not the one named for the cancel', () => {
    const u = understand('cancel the appointment with will, i want to keep dana', ctx());
    expect(u.staffId).toBe('st-will');
  });

  it('a time given as the reason before "cancel all" narrows nothing; one after it does', () => {
    expect(understand('relocating on the 5th so please cancel every appointment i have', ctx()).when).toBeUndefined();
    expect(understand('please cancel all my bookings this weekend', ctx()).when).toBeDefined();
  });

  it.each(['both of them', 'all of them please', 'both'])('%s to "which one?" means every one listed', (text) => {
    expect(understand(text, ctx('choice')).allBookings).toBe(true);
  });
});

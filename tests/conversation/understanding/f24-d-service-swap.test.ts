import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { serviceInPlace } from '../../../src/conversation/understanding/service-in-place.ts';
import { matchServices } from '../../../src/conversation/understanding/services.ts';
import { ctxOnDec1 as ctx, localNY as local, SERVICES } from './fixtures.ts';

// A booked service changed for another: the old one canceled, the new one asked in its place
// (never both kept). Said new service first ("a trim instead of color"), or at the cancel's own
// summary ("change it to a haircut instead").

describe('the new service said before the booked one', () => {
  it.each([
    ['make my thursday a trim instead of color pls', '2026-12-03 00:00'],
    ['for my appt on the 15th id rather do a haircut than the color, same time', '2026-12-15 00:00'],
    ['can i do a manicure instead of my massage friday', '2026-12-04 00:00'],
    ['i want a cut on friday instead of my color', '2026-12-04 00:00'],
  ])('%s: a cancel with the other service after it', (text, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.replacedBy).toBeDefined();
    expect(u.serviceId).not.toBe(u.replacedBy);
    expect(local(u.when?.from)).toBe(day);
    expect(u.then).toMatch(/at the same time$/);
  });

  it('the services are the right way round', () => {
    const u = understand('make my thursday a trim instead of color', ctx());
    expect(u.serviceId).toBe('svc-color');
    expect(u.replacedBy).toBe('svc-cut');
  });

  it.each([
    // No booking of the customer's is named: a question or a new request.
    'can i get a haircut instead of a color? how much',
    'book me a cut instead of color tmrw at 3',
    // Someone else's service.
    'my son wants a cut instead of a color',
  ])('%s: no swap', (text) => {
    expect(understand(text, ctx()).replacedBy).toBeUndefined();
  });

  it('with a list of the color on screen, "the color" is the request, not a booking', () => {
    expect(understand('a cut instead of the color', ctx('choice')).replacedBy).toBeUndefined();
  });
});

describe('another service in place of the booking whose cancel is on screen', () => {
  const swap = (text: string) => serviceInPlace(text, (part) => matchServices(part, SERVICES), (part) => /\d/.test(part));

  it.each([
    ['actually can i just change it to a haircut instead, same time', 'svc-cut', undefined],
    ['wait can we make it a trim instead', 'svc-cut', undefined],
    ['switch it to a manicure pls', 'svc-mani', undefined],
    ['hmm actually make it a haircut at 2 instead', 'svc-cut', 'at 2'],
    ['rather do a massage tmrw at 4', 'svc-massage', 'tmrw at 4'],
  ])('%s', (text, service, time) => {
    const got = swap(text);
    expect(got?.service.id).toBe(service);
    expect(got?.time).toBe(time);
  });

  it.each([
    'yes cancel it',
    'no keep it',
    'do i have a haircut too?',
    'can i get a haircut and a massage',
  ])('%s: no service in its place', (text) => {
    expect(swap(text)).toBeUndefined();
  });
});

describe('another booking named at the cancel, not a service in its place', () => {
  const swap = (text: string) => serviceInPlace(text, (part) => matchServices(part, SERVICES), (part) => /\d/.test(part));

  it.each(['no i meant the color instead', 'sorry, the massage instead', 'the manicure one instead', 'my dye instead pls'])('%s', (text) => {
    expect(swap(text)).toBeUndefined();
  });
});

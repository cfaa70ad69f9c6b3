import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { cancelSetRight } from '../../../src/conversation/understanding/cancel-set-right.ts';
import { ctx } from './fixtures.ts';

// f24-c (set 23's zr084): "cancel my cut on fri.. wait no not that, the color on the 18th": the
// booking named first is set right in the same text; only the second is canceled.

describe('a cancel whose booking is set right in the same text', () => {
  it.each([
    ['pls cancel my cut on fri.. wait no not that, the color on the 18th. long day lol', 'svc-color', 18],
    ['cancel my cut on fri, sorry i mean the color on the 18th', 'svc-color', 18],
    ['can u cancel the color on the 4th oops no, the haircut on the 9th', 'svc-cut', 9],
    ['drop my trim on the 5th - wait, my dye on the 12th', 'svc-color', 12],
    ['cancel the highlights on nov 3 no wait my haircut nov 10', 'svc-cut', 10],
  ])('%j: the booking set right', (text, service, date) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe(service);
    expect(new Date(u.when!.from).getUTCDate()).toBe(date);
  });

  it('a day set right: "cancel tuesday, sorry i mean wednesday"', () => {
    expect(cancelSetRight('cancel tuesday, sorry i mean wednesday')).toBe('cancel wednesday');
  });

  it.each([
    'cancel friday, wait what time was it?',
    'cancel my cut, actually no keep it',
    'cancel fri no wait can i move it to sat',
    'cancel my cut, no more haircuts for me lol',
    'cancel my cut on the 10th sorry!!',
    'cancel my color on the 9th, sorry for the short notice',
    'cancel my cut on friday, not the color on the 18th',
    'cancel the 3pm',
  ])('%j: not set right (left as said)', (text) => {
    expect(cancelSetRight(text)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksPolicy } from '../../../src/conversation/understanding/policy-question.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

const NY = 'America/New_York';
const ctx = { now: at('2026-10-28T10:00', NY), timeZone: NY, services: SERVICES, staff: STAFF, expecting: null };

describe('asksPolicy: a question about the rules for changing or cancelling', () => {
  it.each([
    'how much notice do i need to give to cancel',
    'how far in advance do i have to cancel',
    'how many hours ahead should i let you know',
    'is it too late to change tomorrows appt',
    'am i too late to cancel for today',
    'how late can i reschedule',
    'is there a fee if i cancel',
    'do you charge for cancelling',
    'will i be charged if i cancel last minute',
    'can i cancel for free',
    'whats the deadline to reschedule',
  ])('%j asks for the policy', (text) => {
    expect(asksPolicy(text)).toBe(true);
  });

  it.each(['cancel my friday appt', 'move it to thursday at 3', 'can i cancel please', 'how much is a haircut', 'i need to change my time'])(
    '%j asks for no policy',
    (text) => {
      expect(asksPolicy(text)).toBe(false);
    },
  );

  it('is read as a business question about policies, not as the cancel it names', () => {
    expect(understand('how much notice do i need to give to cancel?', ctx)).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
    expect(understand('is it too late to move my appointment?', ctx)).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
  });

  it('with a change asked after it, the change goes on and the question is answered beside it', () => {
    const u = understand("is it too late to change tmrw's appt? if not move it to friday 3pm", ctx);
    expect(u.intent).toBe('reschedule');
    expect(u.when?.exactTime).toBe(true);
    expect(u.apptWhen).toBeDefined();
    expect(u.also).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
    expect(understand('any fee to cancel? if not cancel my friday one', ctx)).toMatchObject({ intent: 'cancel', also: { infoTopic: 'policies' } });
  });
});

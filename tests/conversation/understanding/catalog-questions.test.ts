import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { inOtherLanguage } from '../../../src/conversation/understanding/asks-for-person.ts';
import { asksPolicy } from '../../../src/conversation/understanding/policy-question.ts';
import { ctx } from './fixtures.ts';

// Questions answered from the catalog or the customer's bookings, and requests only a
// person can serve (f-around, issue 14). Wordings are new, not the held-out dialogs'.

describe('missing or being late asks for the policy', () => {
  it.each(['what if we run late on saturday', 'what would happen if i no show', 'do you charge for no shows', 'is there a fee if i forget my appointment'])('%s', (text) => {
    expect(asksPolicy(text)).toBe(true);
    expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
  });

  it.each(['i might be late, can i book 3 instead', 'what if i book a color'])('%s is no policy question', (text) => {
    expect(asksPolicy(text)).toBe(false);
  });
});

describe('what is booked, asked in other words', () => {
  it.each([
    'what am i booked in for this week',
    'which hairdresser am i with on friday',
    'what day was that reminder for',
    'which booking is this about',
  ])('%s', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });
});

describe('the business itself', () => {
  it.each(['which email should i use to send photos', 'whats your email address', 'email can i write to you there'])('%s: contact', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'contact' });
  });

  it.each(['who is this', "um who's this", 'sorry who am i texting', 'what business is this'])('%s: who the customer is texting', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', asksWho: true });
  });

  it.each(['who is this for', 'who is doing my cut'])('%s is not asking who the bot is', (text) => {
    expect(understand(text, ctx()).asksWho).toBeUndefined();
  });

  it('the services list asked outright is answered even with a service named beside it', () => {
    expect(understand('which treatments are there? maybe a dye', ctx())).toMatchObject({ intent: 'business_info', asksServices: true });
  });
});

describe('only a person can help', () => {
  it.each(['could one of your staff help me with a voucher', 'i need an employee to help with my bill'])('%s', (text) => {
    expect(understand(text, ctx()).intent).toBe('human');
  });

  it.each([
    ["bonjour, est-ce que je peux venir jeudi pour une coupe s'il vous plait", true],
    ['hola, quiero una cita para el viernes por favor', true],
    ['hi can i come in friday for a cut please', false],
  ] as const)('%s: another language = %s', (text, other) => {
    expect(inOtherLanguage(text)).toBe(other);
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, SERVICES } from './fixtures.ts';

const services = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] }];
const ctx = () => ({ ...ctxOnDec1(), services });

describe('two questions in one text: the booking asked about and something else', () => {
  it.each(['just confirming my consult time? also how much is a color', 'double checking my appt friday. how much is color btw', 'verifying my booking? and how much is a color'])(
    '%j answers the booking and the price',
    (text) => {
      const u = understand(text, ctx());
      expect(u.intent).toBe('my_appointments');
      expect(u.also).toMatchObject({ intent: 'business_info', serviceId: 'svc-color' });
    },
  );

  it.each(['whats the addy and what time am i in thursday', 'addy? and when is my cut', 'whats the adress and when is my appt'])('%j answers the address and the booking', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.also).toMatchObject({ intent: 'business_info', infoTopic: 'address' });
  });

  it.each(['whats the addy', 'addy pls'])('%j asks the address', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'address' });
  });

  it.each(['confirming my consult for friday at 2 please', 'can i book a consult friday at 2'])('%j still books', (text) => {
    expect(understand(text, ctx()).intent).toBe('book');
  });

  it('"the same day" after a question about a week is the booking\'s day, not the week\'s first', () => {
    const u = understand('what time is my appt next week? and can i add a consult the same day at 2', ctx());
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-consult', nextTo: { edge: 'day' } });
    expect(u.when?.dayNamed).toBe(false);
    expect(u.also?.intent).toBe('my_appointments');
  });

  it('"the same day" after a question naming one day is that day', () => {
    const u = understand('whens my color friday? also add a cut same day at 2', ctx());
    expect(u.when?.description).toMatch(/december 4/);
  });
});

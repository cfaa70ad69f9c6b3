import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksDuration, asksForEmail, asksIfFree, secondTopic } from '../../../src/conversation/understanding/catalog-question.ts';
import { ctxOnDec1 } from './fixtures.ts';

describe('catalog questions: length, free or not, e-mail, two topics', () => {
  it.each(['how long will the massage be', 'how many minutes is a trim', 'whats the length of a facial', 'how much time does a manicure need'])(
    '%j asks how long',
    (text) => {
      expect(asksDuration(text)).toBe(true);
    },
  );

  it.each(['how long do i need to give notice', 'how long will i have to wait', 'book a massage for an hour'])('%j does not ask how long a service takes', (text) => {
    expect(asksDuration(text)).toBe(false);
  });

  it('answers the length of the service named, and books nothing', () => {
    const u = understand('how long is the massage usually? gotta plan my day', ctxOnDec1());
    expect(u).toMatchObject({ intent: 'business_info', asksDuration: true, serviceId: 'svc-massage' });
  });

  it('a length asked with a time asks for the booking too', () => {
    expect(understand('manicure fri at 3, how long does it take', ctxOnDec1())).toMatchObject({ intent: 'business_info', asksDuration: true, alsoBooks: true });
  });

  it.each(['is the facial complimentary', 'are consultations free of charge', 'do i have to pay for the first visit', 'does that cost anything'])(
    '%j asks the price',
    (text) => {
      expect(asksIfFree(text)).toBe(true);
    },
  );

  it.each(['is 3pm free on friday', 'is dana free tomorrow', 'is it free at 10'])('%j asks for a free time, not the price', (text) => {
    expect(asksIfFree(text)).toBe(false);
  });

  it.each(['is there an email i could use to send photos', 'got an email i can write to?'])('%j asks for the e-mail', (text) => {
    expect(asksForEmail(text)).toBe(true);
    expect(understand(text, ctxOnDec1())).toMatchObject({ intent: 'business_info', infoTopic: 'contact' });
  });

  it('a picture of what the customer wants is no booking', () => {
    expect(understand('is there an email i can send a photo of what i want for my dye job', ctxOnDec1()).alsoBooks).toBeUndefined();
  });

  it('reads the second of two topics joined in one question', () => {
    expect(secondTopic('whats your phone number and address', 'contact')).toBe('address');
    expect(secondTopic('hours and address pls', 'hours')).toBe('address');
    expect(secondTopic('whats the address', 'address')).toBeUndefined();
    expect(understand('can u send me your hours + email', ctxOnDec1())).toMatchObject({ intent: 'business_info', infoTopic: 'hours', alsoTopic: 'contact' });
  });
});

import { describe, expect, it } from 'vitest';
import { asksForPerson, inOtherLanguage } from '../../../src/conversation/understanding/asks-for-person.ts';
import { bookedInstead, understand } from '../../../src/conversation/understanding/index.ts';
import { leavesForNow } from '../../../src/conversation/understanding/leaves-for-now.ts';
import { NY, at, ctx } from './fixtures.ts';

// Asking for a person in other words, leaving a request for now, questions about the business
// and about what is booked, and a cancel that books another service in its place (issue 14).

describe('someone at the business asked to reach the customer', () => {
  it.each([
    'would the owner be able to phone me tomorrow',
    'could will ring me back when free',
    'pls have one of the stylists message me',
    'can your front desk get in touch with me about parking',
    'just give me a ring when you can',
    'who should i speak with about a refund',
    'is there someone i could talk to about a big group',
    'put me through to the manager please',
    'get me somebody who works there',
  ])('%s: a person', (text) => {
    expect(understand(text, ctx()).intent).toBe('human');
  });

  it.each(['can you text me the address', 'will it text me a reminder the day before', 'please email me a receipt', 'haircut friday, can i get a text reminder'])(
    '%s: the bot can do it, no person',
    (text) => {
      expect(asksForPerson(text)).toBe(false);
      expect(understand(text, ctx()).intent).not.toBe('human');
    },
  );
});

describe('a message in another language', () => {
  it.each(['bonjour, je voudrais parler avec quelqu un', 'buenos dias, necesito una cita para manana', 'guten tag, ich mochte einen termin bitte'])('%s: handed to a person', (text) => {
    expect(inOtherLanguage(text)).toBe(true);
    expect(understand(text, ctx()).intent).toBe('human');
  });

  it.each(['i dont speak english very well, someone help', 'do you have anyone who speaks spanish'])('%s: handed to a person', (text) => {
    expect(understand(text, ctx()).intent).toBe('human');
  });

  it.each(['haircut con dana friday', 'la la la', 'que? what time'])('%s: still English enough', (text) => {
    expect(inOtherLanguage(text)).toBe(false);
  });
});

describe('leaving the request for now', () => {
  it.each(['scratch that, ill think about it', 'never mind i will check with my boss first', "i'll deal with this another day", 'gonna finish this later, thanks'])(
    '%s: nothing asked, the request dropped',
    (text) => {
      expect(leavesForNow(text.replace(/,/g, ''))).toBe(true);
      const u = understand(text, ctx());
      expect(u.intent).toBe('decline');
      expect(u.abandons).toBe(true);
      expect(u.serviceId).toBeUndefined();
    },
  );

  it.each(['ill take the 3pm', 'i will see you friday', 'yes ill call if im late', 'i can do this later in the week?'])('%s: not a leave', (text) => {
    expect(leavesForNow(text)).toBe(false);
  });
});

describe('questions about the business and what is booked', () => {
  it('are you open saturdays: the next saturday is the day asked about', () => {
    const u = understand('are yall open saturdays', ctx());
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('hours');
    expect(u.when?.from.toISOString()).toBe(at('2026-10-31T00:00', NY).toISOString());
  });

  it.each(['which number do i text to reach a stylist', 'what is the best number to call you on', 'how do i reach the front desk'])('%s: the contact details', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('contact');
  });

  it.each(['will i be with will or dana on friday', 'was it dana or jose for my color'])('%s: what is booked', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });
});

describe('a cancel that books another service in its place', () => {
  it('cancel my manicure monday, do a massage at that same time: the manicure canceled, the massage asked after', () => {
    const text = 'cancel my manicure monday, do a massage at that same time';
    const u = understand(text, ctx());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-mani');
    expect(u.replacedBy).toBe('svc-massage');
    expect(u.when?.from.toISOString()).toBe(at('2026-11-02T00:00', NY).toISOString());
    const next = bookedInstead(text, ctx());
    expect(next?.serviceId).toBe('svc-massage');
    expect(next?.shift?.sameTime).toBe(true);
  });

  it('cancel my 3pm and book 4pm instead stays a move', () => {
    expect(understand('cancel my 3pm and book 4pm instead', ctx()).intent).toBe('reschedule');
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

const ctx = () => ctxOnDec1();

describe('two questions in one text: each answered, the first beside the second', () => {
  it.each([
    ['whats your cancellation policy? and whats the address again', 'policies', 'address'],
    ['whats the addy. and whats ur cancellation policy', 'address', 'policies'],
    ["what's ur policy on cancelling & where do i park", 'policies', 'address'],
    ['cancelation policy?? also where r u located', 'policies', 'address'],
  ])('%j asks two business topics', (text, first, second) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: second, also: { intent: 'business_info', infoTopic: first } });
  });

  it.each(['how much is highlights? also what time do u open sat', 'how much is a cut and what are your hours sat'])('%j asks a price and the hours, and books nothing', (text) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'hours', also: { intent: 'business_info', asksServices: true } });
    expect(u.alsoBooks).toBeUndefined();
  });

  it.each(["how long does a color take? and when's mine again", 'how long is a dye?? whens mine', 'how long does highlights take and what time is my appt'])(
    '%j asks the length, then the booking',
    (text) => {
      const u = understand(text, ctx());
      expect(u.intent).toBe('my_appointments');
      expect(u.also).toMatchObject({ intent: 'business_info', asksDuration: true, serviceId: 'svc-color' });
    },
  );

  it.each(["when's mine again", 'whens mine', 'what time is ours'])('%j asks about the own booking', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  // Near-misses: one question with two topics already answered together, a booking beside a question, one topic twice.
  it('"whats ur address and email" keeps its one reading with the second topic', () => {
    expect(understand('whats ur address and email', ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'address', alsoTopic: 'contact' });
  });

  it('"haircut tmrw 3pm and whats ur address" still books after the answer', () => {
    const u = understand('haircut tmrw 3pm and whats ur address', ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'address', alsoBooks: true });
    expect(u.also).toBeUndefined();
  });

  it('"what are ur hours? what time do u close sat" is one question', () => {
    const u = understand('what are ur hours? what time do u close sat', ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'hours' });
    expect(u.also).toBeUndefined();
  });
});

describe('a goodbye answers nothing and lists nothing', () => {
  it.each(['great thanks see you then!', 'thx see u then', 'great c u then', 'ok cool c u soon 😊', 'perfect see u there', 'ok phew see u then'])('%j signs off', (text) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'greeting', signsOff: true });
  });

  // Near-misses: a confirmation or a day named still checks the booking; at a summary the goodbye is a yes.
  it.each(['confirmed, see you then!', 'see u thursday!', 'confirming! see u tmrw'])('%j still checks the booking', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('my_appointments');
    expect(u.signsOff).toBeUndefined();
  });

  it('"perfect see u then" at a summary confirms it', () => {
    expect(understand('perfect see u then', ctxOnDec1('confirmation')).intent).toBe('confirm');
  });

  it('"see u then, can i add a color fri at 2" asks a booking', () => {
    expect(understand('see u then, can i add a color fri at 2', ctx()).intent).not.toBe('greeting');
  });
});

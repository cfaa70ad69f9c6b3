import { describe, expect, it } from 'vitest';
import { understand, type Understanding, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

const NY = 'America/New_York';
const ctx = (expecting: UnderstandContext['expecting'] = null, optionCount = 3): UnderstandContext => ({
  now: at('2026-10-28T10:00', NY),
  timeZone: NY,
  services: SERVICES,
  staff: STAFF,
  expecting,
  optionCount,
});

type Expect = Partial<Omit<Understanding, 'when'>> & { intent: Understanding['intent']; hasWhen?: boolean };
const cases: Array<[string, UnderstandContext['expecting'], Expect]> = [
  // booking, with services, staff and dates
  ['I want to book a haircut', null, { intent: 'book', serviceId: 'svc-cut' }],
  ['can i get a hiarcut tmrw afternoon?', null, { intent: 'book', serviceId: 'svc-cut', hasWhen: true }],
  ['massage with Dana on friday', null, { intent: 'book', serviceId: 'svc-massage', staffId: 'st-dana', hasWhen: true }],
  ['Do you have anything next Tue at 3', null, { intent: 'book', hasWhen: true }],
  ['HAIR COLOUR please', null, { intent: 'book', serviceId: 'svc-color' }],
  ['any openings this weekend?', null, { intent: 'book', hasWhen: true }],
  ['earliest available', null, { intent: 'book', hasWhen: true }],
  ['appt for mens haircut with jose', null, { intent: 'book', serviceId: 'svc-mens', staffId: 'st-jose' }],
  ['Hi! I’d like a manicure', null, { intent: 'book', serviceId: 'svc-mani' }],
  // reschedule
  ['R', null, { intent: 'reschedule' }],
  ['r.', null, { intent: 'reschedule' }],
  ['reschedule', null, { intent: 'reschedule' }],
  ['resched pls', null, { intent: 'reschedule' }],
  ['can I move my appointment to friday 3pm', null, { intent: 'reschedule', hasWhen: true }],
  ['I need to change my time', null, { intent: 'reschedule' }],
  ['cancel my 3pm and book 4pm instead', null, { intent: 'reschedule' }],
  ['reschedule', 'confirmation', { intent: 'reschedule' }],
  // cancel
  ['C', null, { intent: 'cancel' }],
  ['cancel', null, { intent: 'cancel' }],
  ['CANCEL', 'choice', { intent: 'cancel' }],
  ['cancel my appointment', null, { intent: 'cancel' }],
  ['cancle my appt', null, { intent: 'cancel' }],
  ["I can't make it tomorrow", null, { intent: 'cancel', hasWhen: true }],
  ["don't cancel it", null, { intent: 'decline', answer: 'no' }],
  // my appointments
  ['when is my appointment?', null, { intent: 'my_appointments' }],
  ['do I have any appointments', null, { intent: 'my_appointments' }],
  ['show my bookings', null, { intent: 'my_appointments' }],
  // business info
  ['what are your hours', null, { intent: 'business_info', infoTopic: 'hours' }],
  ['are you open saturday?', null, { intent: 'business_info', infoTopic: 'hours', hasWhen: true }],
  ["what's your address", null, { intent: 'business_info', infoTopic: 'address' }],
  ['where are you located', null, { intent: 'business_info', infoTopic: 'address' }],
  ['where do we go when we get there', null, { intent: 'business_info', infoTopic: 'address' }],
  ['where should we park', null, { intent: 'business_info', infoTopic: 'address' }],
  ['what is the cancellation policy', null, { intent: 'business_info', infoTopic: 'policies' }],
  ['what services do you offer', null, { intent: 'business_info', asksServices: true }],
  // help and human, at any point
  ['help', null, { intent: 'help' }],
  ['HELP', 'confirmation', { intent: 'help' }],
  ['info', null, { intent: 'help' }],
  ['agent', 'choice', { intent: 'human' }],
  ['human', 'intake', { intent: 'human' }],
  ['talk to a person', null, { intent: 'human' }],
  ['can I speak with a representative', 'confirmation', { intent: 'human' }],
  ['I want a real person please', 'time', { intent: 'human' }],
  ['can i talk to a stylist directly?', null, { intent: 'human' }],
  ['could i speak with one of your stylists', 'confirmation', { intent: 'human' }],
  ['id like to chat with the owner', null, { intent: 'human' }],
  ['can a stylist call me about my color', null, { intent: 'human', serviceId: 'svc-color' }],
  ['can i see will saturday at 1 for a cut', null, { intent: 'book', staffId: 'st-will', serviceId: 'svc-cut', hasWhen: true }],
  // confirmations
  ['yes', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['Y', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['yeah', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['yep', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['confirm', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['OK', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['sure!', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['sounds good', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['👍', 'confirmation', { intent: 'confirm', answer: 'yes' }],
  ['no', 'confirmation', { intent: 'decline', answer: 'no' }],
  ['n', 'confirmation', { intent: 'decline', answer: 'no' }],
  ['nope', 'confirmation', { intent: 'decline', answer: 'no' }],
  ['yes but make it 3pm', 'confirmation', { intent: 'choose', answer: 'yes', choiceTime: { hour: 15, minute: 0 } }],
  ['no, tomorrow instead', 'confirmation', { intent: 'decline', answer: 'no', hasWhen: true }],
  ['yes', null, { intent: 'confirm', answer: 'yes' }],
  // choices among three offers
  ['2', 'choice', { intent: 'choose', choiceIndex: 1 }],
  ['the 2nd', 'choice', { intent: 'choose', choiceIndex: 1 }],
  ['second one', 'choice', { intent: 'choose', choiceIndex: 1 }],
  ['#3', 'choice', { intent: 'choose', choiceIndex: 2 }],
  ['option 1', 'choice', { intent: 'choose', choiceIndex: 0 }],
  ['the 3pm one', 'choice', { intent: 'choose', choiceTime: { hour: 15, minute: 0 }, hasWhen: false }],
  ['the 10:30', 'choice', { intent: 'choose', choiceTime: { hour: 10, minute: 30 }, hasWhen: false }],
  ['none of those work', 'choice', { intent: 'decline', answer: 'no' }],
  ['option 2', null, { intent: 'choose', choiceIndex: 1 }],
  ['what about friday?', 'choice', { intent: 'book', hasWhen: true }],
  ['anything later?', 'choice', { intent: 'decline', answer: 'no' }],
  ['the earlier one', 'choice', { intent: 'choose', choiceIndex: 0 }],
  ['can I come in at 3 tomorrow', null, { intent: 'book', hasWhen: true }],
  ['how much is a haircut', null, { intent: 'business_info', serviceId: 'svc-cut', asksServices: true }],
  ['what is your phone number', null, { intent: 'business_info', infoTopic: 'contact' }],
  ['is there parking', null, { intent: 'business_info', infoTopic: 'address' }],
  ['I need help booking a haircut', null, { intent: 'book', serviceId: 'svc-cut' }],
  ['no i want to reschedule', 'confirmation', { intent: 'reschedule', answer: 'no' }],
  // intake answers
  ['jane.doe@example.com', 'intake', { intent: 'provide_info', email: 'jane.doe@example.com' }],
  ['3', 'intake', { intent: 'provide_info', number: 3 }],
  ['yes', 'intake', { intent: 'provide_info', answer: 'yes' }],
  ['my email is jane@example.org', null, { intent: 'provide_info', email: 'jane@example.org' }],
  // service and time answers
  ['a trim', 'service', { intent: 'book', serviceId: 'svc-cut' }],
  ['tomorrow morning', 'time', { intent: 'book', hasWhen: true }],
  // greetings and noise
  ['hi', null, { intent: 'greeting' }],
  ['Good morning!', null, { intent: 'greeting', hasWhen: false }],
  ['thanks!', null, { intent: 'greeting' }],
  ['', null, { intent: 'unknown' }],
  ['   ', 'choice', { intent: 'unknown' }],
  ['🎉🎉🎉', null, { intent: 'unknown' }],
  ["'; DROP TABLE appointments; --", null, { intent: 'unknown' }],
  ['asdfghjkl', null, { intent: 'unknown' }],
  ['send me a message', null, { intent: 'unknown' }],
  // carrier keywords as whole messages: handled upstream on SMS, harmless here
  ['STOP', null, { intent: 'unknown' }],
  ['QUIT', null, { intent: 'unknown' }],
  ['START', null, { intent: 'unknown' }],
];

describe('understand', () => {
  it.each(cases)('%j (expecting %s)', (text, expecting, want) => {
    const u = understand(text, ctx(expecting));
    const { hasWhen, ...fields } = want;
    expect(u).toMatchObject(fields);
    if (hasWhen !== undefined) expect(u.when !== undefined, `when for ${text}`).toBe(hasWhen);
    // Fields the case does not mention must not be invented.
    for (const key of ['serviceId', 'staffId', 'choiceIndex', 'infoTopic'] as const) {
      if (!(key in want)) expect(u[key], `${key} for ${text}`).toBeUndefined();
    }
  });

  it('resolves the date of a booking request in the business zone', () => {
    const u = understand('haircut tomorrow at 3', ctx());
    expect(u.when?.from.toISOString()).toBe(at('2026-10-29T15:00', NY).toISOString());
    expect(u.when?.exactTime).toBe(true);
  });

  it('does not read a clock time as a number answer', () => {
    expect(understand('can I come in at 3 tomorrow', ctx()).number).toBeUndefined();
    expect(understand('2 people', ctx('intake')).number).toBe(2);
  });

  it('treats "yes" to a single offer as choosing it', () => {
    expect(understand('yes', ctx('choice', 1))).toMatchObject({ intent: 'choose', choiceIndex: 0 });
  });

  it('does not pick an option that is not on screen', () => {
    expect(understand('option 5', ctx('choice', 3)).choiceIndex).toBeUndefined();
  });

  it('handles 5,000 characters quickly', () => {
    const long = 'I want a haircut tomorrow '.repeat(200).slice(0, 5000);
    const started = Date.now();
    const u = understand(long, ctx());
    expect(u.intent).toBe('book');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('survives a missing catalog and a broken context', () => {
    expect(understand('book a haircut', { now: new Date(), timeZone: NY, services: [] })).toEqual({ intent: 'book' });
    // Without a valid clock or zone no date can be resolved; the message is still classified.
    expect(understand('tomorrow', { now: new Date(Number.NaN), timeZone: 'Nowhere/Else', services: [] })).toEqual({ intent: 'unknown' });
    expect(understand('book tomorrow', { now: new Date(), timeZone: 'Nowhere/Else', services: SERVICES })).toEqual({ intent: 'book' });
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { questionPart } from '../../../src/conversation/understanding/topic-asked.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 29c (set 28's yb090): "cancel my dec 18 appt pls, and whats ur email? want to send a
// complaint about parking lol" answered the address: the business fact asked follows the
// question's own words, not a fact named in a statement beside it.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('the fact asked is the one in the question', () => {
  it.each([
    ['whats ur email? want to send a complaint about parking', 'contact'],
    ['what is your phone number? i need to tell you about where i parked', 'contact'],
    ['what are your hours? i want to know when to come and where i can park', 'hours'],
    ['whats the email address. want to complain about parking', 'contact'],
    ['can i get your email, i have feedback on the parking', 'contact'],
    ['whats ur phone number? gonna call about the parking situation', 'contact'],
  ])('%s', (text, topic) => expect(read(text).infoTopic).toBe(topic));
});

describe('near misses keep their reading', () => {
  it('a question about parking asks the address', () => expect(read('where do i park? im driving in from queens').infoTopic).toBe('address'));
  it('parking asked alone', () => expect(read('is there parking?').infoTopic).toBe('address'));
  it('a text that is all question is read whole', () => expect(questionPart('whats ur email and address?')).toBeUndefined());
  it('address and email asked together', () => expect(read('whats ur address and email').infoTopic).toBe('address'));
});

import { describe, expect, it } from 'vitest';
import { declinesOptional, refusesToAnswer } from '../../../src/conversation/intake-answers/declines.ts';
import { findEmail } from '../../../src/conversation/intake-answers/email.ts';

describe('findEmail: the address among other words', () => {
  it.each([
    ['its jo@example.com thanks', 'jo@example.com'], ['my email is Sam.K@Gmail.com', 'sam.k@gmail.com'], ['Pat@Example.com.', 'pat@example.com'],
    ['jo @ example.com', 'jo@example.com'], ['jo at example dot com', 'jo@example.com'],
  ])('%j → %s', (text, want) => {
    expect(findEmail(text)).toBe(want);
  });

  it.each(['jenny at gmail', 'see you at 5. thanks', 'a@b.com or c@d.com', 'no'])('%j has no one address', (text) => {
    expect(findEmail(text)).toBeUndefined();
  });
});

describe('leaving a question out in words', () => {
  it.each(['skip', 'skip pls', 'SKIP!', 'rather not', "I'd rather not say", 'prefer not to say', 'n/a', 'idk', "i'm not sure", 'pass'])(
    '%j refuses any question',
    (text) => {
      expect(refusesToAnswer(text)).toBe(true);
      expect(declinesOptional(text)).toBe(true);
    },
  );

  it.each(['u can skip it', 'can we skip this one', 'lets just skip', "I'll pass", 'please skip that'])('%j asks for a skip politely', (text) => {
    expect(refusesToAnswer(text)).toBe(true);
  });

  it.each(['no', 'no thanks', 'nope', 'none', 'dont have one', "i don't have an email", 'no email', 'not really', 'nah im good', 'no thank you :)', 'dont want to give it', 'not giving my email lol', 'nope no email'])(
    '%j declines an optional question, and is no refusal of a required one',
    (text) => {
      expect(declinesOptional(text)).toBe(true);
      expect(refusesToAnswer(text)).toBe(false);
    },
  );

  // Booking for someone else, the one without an email is them; a skip may follow the reason.
  it.each(['he doesnt even use email, so skip it', 'my dad has no email lol', "they don't do email", 'nah she doesnt check email, pass'])(
    '%j declines for the person booked for',
    (text) => {
      expect(declinesOptional(text)).toBe(true);
    },
  );

  it.each(['jo@example.com', 'no ive been before', 'friend', '12', 'no, tuesday instead', 'can we skip to friday'])('%j is no decline', (text) => {
    expect(declinesOptional(text)).toBe(false);
  });

  it('"no allergies" stays an answer to a free-text question', () => {
    expect(declinesOptional('no allergies', { bareOnly: true })).toBe(false);
    expect(declinesOptional('no thanks', { bareOnly: true })).toBe(true);
  });
});

describe('an address with _ + - and digits in its own part is kept whole', () => {
  it.each([
    ['mike_r@outlook.com', 'mike_r@outlook.com'], ['its jen_92@yahoo.com thx', 'jen_92@yahoo.com'], ['Jo+Salon@Gmail.com', 'jo+salon@gmail.com'],
    ['a.b-c_d@mail.co.uk', 'a.b-c_d@mail.co.uk'], ['sure, t_nguyen @ gmail.com', 't_nguyen@gmail.com'],
  ])('%j → %s', (text, want) => {
    expect(findEmail(text)).toBe(want);
  });
});

describe('an e-mail kept back in words', () => {
  it.each([
    'rather not give my email', "i'd prefer not to share that", 'prefer not to give it out', "i'll pass on the email", 'can we skip the email part',
    'not gonna give my email lol', 'would rather not put my email down', 'skip that one',
  ])('%j refuses', (text) => {
    expect(refusesToAnswer(text)).toBe(true);
  });

  it.each(['i dont really wanna give my email', 'nah im good on the email', 'no thx', 'dont have one'])('%j declines the optional question', (text) => {
    expect(declinesOptional(text)).toBe(true);
  });
});

describe('a refusal after a no (issue 17)', () => {
  it.each(['nah id rather not give it', 'no, prefer not to say', 'nope rather not share my email', 'naw skip that'])('%j leaves the question out', (text) => {
    expect(refusesToAnswer(text)).toBe(true);
    expect(declinesOptional(text)).toBe(true);
  });
});

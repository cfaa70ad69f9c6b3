import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

const ctx = () => ctxOnDec1();

describe('how late a booking may still be changed is the notice policy', () => {
  it.each([
    'whats the latest i can change my saturday appt without it being a problem',
    'how late can i still cancel my cut tmrw',
    'whats the cutoff to reschedule',
    'how last minute can we move an appt',
    'till when can i cancel for friday',
    'by when do i have to cancel',
    'how late is too late to cancel??',
    "what's the latest we could push our friday booking",
  ])('%j asks the policy', (text) => {
    const u = understand(text, ctx());
    expect(u).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
    expect(u.alsoBooks).toBeUndefined();
  });

  it('"whats the latest i can change my saturday appt" remembers the move it asks about', () => {
    expect(understand('whats the latest i can change my saturday appt', ctx())).toMatchObject({ moveAsked: true, apptWhen: { dayNamed: true } });
  });

  // Near-misses: the latest opening, the hours, a booking.
  it.each(['whats the latest u have on saturday', 'whats the latest i can come in friday', 'how late can i book for friday'])('%j asks for a time', (text) => {
    expect(understand(text, ctx()).intent).toBe('book');
  });

  it('"how late r u open sat" asks the hours', () => {
    expect(understand('how late r u open sat', ctx())).toMatchObject({ intent: 'business_info', infoTopic: 'hours' });
  });

  it('"can u move my cut to the latest slot sat" moves it', () => {
    expect(understand('can u move my cut to the latest slot sat', ctx()).intent).toBe('reschedule');
  });
});

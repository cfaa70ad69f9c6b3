import { describe, expect, it } from 'vitest';
import { changesPartOfRequest } from '../../../src/conversation/providers/offline/part-changed.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from '../understanding/fixtures.ts';

// At the summary of a haircut with Will, a change of mind that swaps the service or the
// person changes that booking (its time kept), never a booking already made.
const kept = { serviceId: 'svc-cut', staffId: 'st-will' };
const changes = (text: string) => changesPartOfRequest(understand(text, ctxOnDec1('confirmation')), kept, text);

describe('a change of mind at the summary', () => {
  it.each(['nah, switch it to a manicure', 'actually change it to a massage', 'changed my mind, dana instead', 'no, switch it to dana, same time'])('%j changes the booking under way', (text) => {
    expect(changes(text)).toBe(true);
  });

  it.each(['reschedule my manicure instead', 'actually move my massage to friday', 'change it to friday', 'no, make it an hour later with dana'])('%j does not', (text) => {
    expect(changes(text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { keepsOnlyBooked } from '../../../src/conversation/understanding/only-booked-kept.ts';
import { ctxOnDec1 } from './fixtures.ts';

// f29-b (set 28's yb080): at the summary of a color placed before the customer's cut, "just the
// cut" keeps only the booking they have: the color is dropped and no new cut is asked.

const besideCut = { flow: 'book', serviceId: 'svc-color', besideServiceId: 'svc-cut' };
const keeps = (text: string, memory: typeof besideCut = besideCut) => keepsOnlyBooked(understand(text, ctxOnDec1('confirmation')), memory, text);

describe('only the booking had, kept', () => {
  it.each(['ehh actually nvm, just the cut', 'only the haircut then', "i'll stick with just my cut", 'no, just keep the cut', 'hmm the cut only, sorry', 'forget the color, just the haircut'])(
    '%j: the new booking dropped',
    (text) => {
      expect(keeps(text)).toBe(true);
    },
  );

  it.each(['just the cut at 3 instead', 'just the cut, and book my son one too', 'just the color', 'yes'])('%j: not only the booking kept', (text) => {
    expect(keeps(text)).toBe(false);
  });

  it('with no booking beside it, "just the cut" is a cut asked', () => {
    expect(keeps('just the cut', { flow: 'book', serviceId: 'svc-color', besideServiceId: undefined as unknown as string })).toBe(false);
  });
});

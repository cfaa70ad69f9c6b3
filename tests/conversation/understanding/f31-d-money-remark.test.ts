import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withoutMoneyDated } from '../../../src/conversation/understanding/money-remark.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 31d (set 30's ye108): "hmm on second thought just a trim, my budget this month lol" at a
// color's summary searched trims all month. The period in a remark about money dates the money,
// not the visit: the service changes, the time asked stays.

const atSummary = (text: string) => understand(text, ctxOnDec1('confirmation'));

describe('a period said of money', () => {
  it.each([
    'hmm on second thought just a trim, my budget this month lol',
    'just a trim, im broke this week',
    'actually only a cut, money is tight this month',
    'make it a trim instead, spent way too much this month haha',
    'just a cut, this month has been pricey',
  ])('%s', (text) => {
    const u = atSummary(text);
    expect(u.serviceId).toBe('svc-cut');
    expect(u.when).toBeUndefined();
  });
});

describe('near misses: the period is the visit', () => {
  it.each(['can i come in this week, im broke so just a trim', 'a trim this month', 'any cheap trims this week? budget is tight'])('%s', (text) => expect(understand(text, ctxOnDec1(null)).when).toBeDefined());
  it('no money words: kept', () => expect(withoutMoneyDated('a color this month')).toBe('a color this month'));
});

import { describe, expect, it } from 'vitest';
import { EXCEPTION_STATUSES, type OpsCommandKind } from '../../src/contract/ops.ts';
import { isOpen, nextStatus } from '../../src/ops/lifecycle.ts';
import { exceptionSubject } from '../../src/ops/subject.ts';

// The lifecycle table and the de-duplication subject, pure.

describe('nextStatus', () => {
  it.each([
    ['open', 'take', 'assigned'],
    ['open', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['open', 'resolve', 'resolved'],
    ['assigned', 'resolve', 'resolved'],
    ['open', 'dismiss', 'dismissed'],
    ['assigned', 'dismiss', 'dismissed'],
    ['assigned', 'approve', 'resolved'],
    ['open', 'decline', 'resolved'],
    ['open', 'reply', 'open'],
    ['assigned', 'reply', 'assigned'],
  ] as const)('%s + %s → %s', (from, kind, to) => {
    expect(nextStatus(from, kind)).toBe(to);
  });

  it('allows nothing once resolved or dismissed', () => {
    const kinds: OpsCommandKind[] = ['take', 'assign', 'resolve', 'dismiss', 'approve', 'decline', 'offer_times', 'reply', 'release'];
    for (const from of ['resolved', 'dismissed'] as const) for (const kind of kinds) expect(nextStatus(from, kind), `${from} ${kind}`).toBeNull();
  });

  it('counts open and assigned as open, nothing else', () => {
    expect(EXCEPTION_STATUSES.filter(isOpen)).toEqual(['open', 'assigned']);
  });
});

describe('exceptionSubject', () => {
  it('names the finest thing given: own key, appointment, conversation, customer', () => {
    const all = { dedupeKey: 'outbound:1', appointmentId: 'a', conversationId: 'c', customerId: 'u' };
    expect(exceptionSubject(all)).toBe('key:outbound:1');
    expect(exceptionSubject({ ...all, dedupeKey: undefined })).toBe('appointment:a');
    expect(exceptionSubject({ conversationId: 'c', customerId: 'u' })).toBe('conversation:c');
    expect(exceptionSubject({ customerId: 'u' })).toBe('customer:u');
    expect(exceptionSubject({})).toBe('none');
  });
});

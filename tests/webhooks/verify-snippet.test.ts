import { beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../../src/webhooks/signature.ts';
import { loadReadmeVerifier, readmeSnippet } from './support.ts';

// The verification snippet in the README, run as written: it accepts what Frontdesk
// signs and refuses a changed body, another secret, a stale or future timestamp and a
// malformed header. tests/webhooks/delivery.test.ts runs it on real deliveries too.

let verify: Awaited<ReturnType<typeof loadReadmeVerifier>>;
beforeAll(async () => {
  verify = await loadReadmeVerifier();
});

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: 'e1', type: 'appointment.created', created_at: '2026-12-01T15:00:00.000Z', data: { id: 'a1' } });

describe('the README verification snippet', () => {
  it('is about ten lines and compares in constant time with a 5-minute tolerance', async () => {
    const code = await readmeSnippet();
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(12);
    expect(code).toContain('timingSafeEqual');
    expect(code).toContain('toleranceSeconds = 300');
  });

  it('accepts a signature Frontdesk made now, from a string or a Buffer body', () => {
    const header = signatureHeader({ secret, body, at: new Date() });
    expect(verify(secret, header, body)).toBe(true);
    expect(verify(secret, header, Buffer.from(body))).toBe(true);
  });

  it('refuses a changed body, another secret, and a header without a valid signature', () => {
    const header = signatureHeader({ secret, body, at: new Date() });
    expect(verify(secret, header, body.replace('a1', 'a2'))).toBe(false);
    expect(verify('whsec_other', header, body)).toBe(false);
    expect(verify(secret, header.replace(/v1=.*/, 'v1=zz'), body)).toBe(false);
    expect(verify(secret, header.replace(/v1=.*/, ''), body)).toBe(false);
    expect(verify(secret, 'garbage', body)).toBe(false);
    expect(verify(secret, undefined as unknown as string, body)).toBe(false);
  });

  it('refuses a timestamp more than 5 minutes old or ahead, and accepts one just inside', () => {
    const at = (ms: number) => signatureHeader({ secret, body, at: new Date(Date.now() + ms) });
    expect(verify(secret, at(-6 * 60_000), body)).toBe(false);
    expect(verify(secret, at(6 * 60_000), body)).toBe(false);
    expect(verify(secret, at(-4 * 60_000), body)).toBe(true);
  });
});


import { randomBytes } from 'node:crypto';

/** A signing secret: 32 random bytes, prefixed so it is recognisable in a receiver's config. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

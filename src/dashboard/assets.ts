import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

// The stylesheet is read once and served under a name with its content hash, so
// browsers may cache it for a year and still see a change at once.

const css = readFileSync(new URL('./style.css', import.meta.url));
const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);

export const STYLESHEET_PATH = `/assets/style.${hash}.css`;

export const serveStylesheet: RequestHandler = (_req, res) => {
  res.set('cache-control', 'public, max-age=31536000, immutable').type('text/css').send(css);
};

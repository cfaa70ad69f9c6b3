import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrismaClient } from '../../src/db/client.ts';
import { createFeedsRouter } from '../../src/feeds/index.ts';
import { problemHandler } from '../../src/http/problem.ts';

// The public feed routes: a client that keeps missing (unknown tokens) is told to
// stop with 429 after the limit, and only misses count. No database: every token is unknown.

let base: string;
let close: () => Promise<void>;
let reads = 0;

beforeAll(async () => {
  const db = { calendarFeed: { findUnique: async () => (reads++, null) } } as unknown as PrismaClient;
  const app = express();
  app.use('/', createFeedsRouter({ db, clock: () => new Date(), misses: { limit: 3, windowSeconds: 60 } }));
  app.get('/other', (_req, res) => void res.status(404).end());
  app.use(problemHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

it('answers 404 for unknown tokens, then 429 without looking them up', async () => {
  const token = `fdcal_${'a'.repeat(32)}`;
  // 404s of other routes are not counted.
  for (let i = 0; i < 5; i++) expect((await fetch(`${base}/other`)).status).toBe(404);
  for (let i = 0; i < 3; i++) expect((await fetch(`${base}/feeds/${token}.ics`)).status).toBe(404);
  expect(reads).toBe(3);
  const limited = await fetch(`${base}/feeds/${token}.ics`);
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBeTruthy();
  expect(reads).toBe(3);
});

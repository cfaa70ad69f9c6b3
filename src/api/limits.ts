import type { RequestHandler } from 'express';
import express from 'express';
import { HttpProblem, badRequest } from '../http/problem.ts';

// What the admin API accepts at the door, before any handler runs. Each limit is far
// above what a real request needs and turns what would be a crash, a silent
// corruption or a bare status line into a problem document that says what to fix.

/**
 * Longest request target (path and query) in bytes. Node's own header limit (16 KiB
 * by default, `--max-http-header-size`) must stay above it, or a long URL gets Node's
 * bare 431 instead of this problem document.
 */
export const MAX_URL_BYTES = 8 * 1024;

/** Largest JSON body, after any Content-Encoding is undone. */
export const MAX_BODY = '1mb';

/**
 * Deepest nesting of arrays and objects in a JSON body. Every schema of the API nests
 * far less; free-form fields (appointment intake) are stored and serialized again,
 * and serializing a deeply nested value overflows the stack.
 */
export const MAX_JSON_DEPTH = 32;

const rejectLongUrls: RequestHandler = (req, _res, next) => {
  if (Buffer.byteLength(req.originalUrl) <= MAX_URL_BYTES) return next();
  next(new HttpProblem(414, 'URI Too Long', `The URL (path and query string) may be at most ${MAX_URL_BYTES} bytes.`));
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** body-parser would replace invalid bytes with U+FFFD and store the mangled text; refuse them instead. */
function verifyUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    strictUtf8.decode(buf);
  } catch {
    throw badRequest('The request body is not valid UTF-8.');
  }
}

/** Nesting depth of a parsed JSON value, walked without recursion so the check itself cannot overflow. */
function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAbove) return deepest;
    for (const child of Object.values(v)) stack.push({ v: child, depth: here });
  }
  return deepest;
}

const rejectDeepBodies: RequestHandler = (req, _res, next) => {
  if (jsonDepth(req.body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return next();
  next(badRequest(`The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`));
};

/** The admin API's request gate: URL length, then a JSON body that is valid UTF-8, within size and depth. */
export const apiRequestLimits: RequestHandler[] = [
  rejectLongUrls,
  express.json({ limit: MAX_BODY, strict: false, verify: verifyUtf8 }),
  rejectDeepBodies,
];

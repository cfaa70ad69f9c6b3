import { randomUUID } from 'node:crypto';

// X-Request-Id ties a client's report to our log lines, so a proxy's or client's
// id is kept, but only when it is short and plain: the value goes into every log
// line and back out in a response header, where newlines or kilobytes would let a
// client forge log entries or bloat them.
const SAFE_REQUEST_ID = /^[\w.:=+/-]{1,128}$/;

export function requestId(presented: string | undefined): string {
  return presented !== undefined && SAFE_REQUEST_ID.test(presented) ? presented : randomUUID();
}

// Where a subscription may point. Payloads carry customers' names and phone numbers,
// so they travel over TLS; plain http is accepted only for a receiver on this machine
// (development, tests).

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `raw` is not a webhook URL, or null when it is one. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'must be an https URL (http only for localhost or 127.0.0.1)';
}

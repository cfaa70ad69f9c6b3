import { expect } from 'vitest';
import { hashPassword } from '../../src/dashboard/password.ts';
import type { TestApp } from '../support/app.ts';

// Signing in to /ops and posting its forms over plain HTTP, as a browser would.

export const PASSWORD = 'correct horse battery';

export async function addUser(app: TestApp, u: { name: string; email: string; role: 'admin' | 'manager' | 'staff' | 'viewer'; resourceId?: string }): Promise<string> {
  const user = await app.t.db.user.create({ data: u });
  await app.t.db.userPassword.create({ data: { userId: user.id, hash: await hashPassword(PASSWORD) } });
  return user.id;
}

/** A form POST as a browser sends it, redirects left to the test. */
export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  redirect: 'manual' as const,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** Signs in with the shared password and answers the session cookie ("name=value"). */
export async function sessionCookie(app: TestApp, email: string, base = app.url): Promise<string> {
  const res = await fetch(`${base}/ops/sign-in`, form({ email, password: PASSWORD }));
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A signed-in browser: its cookie jar (session and flash) and the page's CSRF token. */
export interface Browser {
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>, opts?: { csrf?: string | null }): Promise<Response>;
  csrf: string;
}

export async function signedIn(app: TestApp, email: string): Promise<Browser> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (!value || /Expires=Thu, 01 Jan 1970/.test(c)) jar.delete(name!);
      else jar.set(name!, value);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const res = keep(await fetch(`${app.url}/ops/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body({ email, password: PASSWORD }) }));
  expect(res.status).toBe(303);
  const browser: Browser = {
    csrf: '',
    async get(path) {
      return keep(await fetch(`${app.url}${path}`, { redirect: 'manual', headers: { cookie: cookie() } }));
    },
    async post(path, fields, opts = {}) {
      const csrf = opts.csrf === undefined ? browser.csrf : opts.csrf;
      const all = csrf === null ? fields : { csrf, ...fields };
      return keep(await fetch(`${app.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: body(all) }));
    },
  };
  const today = await (await browser.get('/ops/today')).text();
  browser.csrf = /name="csrf" value="([^"]+)"/.exec(today)![1]!;
  return browser;
}

import type { Request, Response } from 'express';
import { readCookie } from './cookies.ts';
import { html, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';

// A one-time message for the page a form redirects to (post/redirect/get): what the
// action did, or why it was refused. It rides in a short-lived HttpOnly cookie, not
// in the URL, so no link can put words on the page that the dashboard never said.

export const FLASH_COOKIE = 'frontdesk_ops_flash';

export interface Flash {
  kind: 'done' | 'refused';
  text: string;
}

const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: OPS_BASE };

export function setFlash(res: Response, flash: Flash): void {
  res.cookie(FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), { ...cookieOptions, maxAge: 60_000 });
}

/** The flash waiting for this page, if any; it is cleared, so a reload does not show it again. */
export function takeFlash(req: Request, res: Response): Flash | undefined {
  const raw = readCookie(req, FLASH_COOKIE);
  if (!raw) return undefined;
  res.clearCookie(FLASH_COOKIE, cookieOptions);
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flash>;
    if ((parsed.kind === 'done' || parsed.kind === 'refused') && typeof parsed.text === 'string') return { kind: parsed.kind, text: parsed.text.slice(0, 500) };
  } catch {
    // A cookie that is not ours (or was cut short) shows nothing.
  }
  return undefined;
}

export function renderFlash(flash: Flash | undefined): Html | null {
  if (!flash) return null;
  return flash.kind === 'done'
    ? html`<p class="flash done" role="status">${flash.text}</p>`
    : html`<p class="flash refused" role="alert"><strong>Refused:</strong> ${flash.text}</p>`;
}

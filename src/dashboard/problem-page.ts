import type { Response } from 'express';
import { html, type Html } from './html.ts';
import { page } from './layout.ts';
import type { SignedIn } from './session.ts';

// A refusal as a page (403, 404, 400): what went wrong in words, and a way back.

export function sendProblem(res: Response, input: { status: 400 | 403 | 404; title: string; text: string; user: SignedIn; back?: { href: string; label: string } }): void {
  const back: Html | null = input.back ? html`<p><a href="${input.back.href}">${input.back.label}</a></p>` : null;
  const body = html`<h1>${input.title}</h1><p class="error" role="alert">${input.text}</p>${back}`;
  res.status(input.status).type('html').send(page({ title: input.title, body, user: input.user }));
}

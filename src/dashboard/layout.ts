import { permission } from '../access/matrix.ts';
import { html, type Html } from './html.ts';
import { STYLESHEET_PATH } from './assets.ts';
import type { SignedIn } from './session.ts';

// The page shell: landmarks (header, nav, main), a skip link for keyboard users,
// and the sign-out form carrying the session's CSRF token.

export const OPS_BASE = '/ops';

// `show`: the pages a role may not open are left out of its navigation.
const NAV: Array<{ href: string; label: string; show?: (user: SignedIn) => boolean }> = [
  { href: `${OPS_BASE}/today`, label: 'Today' },
  { href: `${OPS_BASE}/week`, label: 'Week' },
  { href: `${OPS_BASE}/exceptions`, label: 'Exceptions' },
  { href: `${OPS_BASE}/kpis`, label: 'KPIs', show: (user) => permission(user.role, 'reports.read') !== 'none' },
];

export function page(input: { title: string; body: Html; user?: SignedIn; current?: string }): string {
  const { title, body, user, current } = input;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Frontdesk ops</title>
<link rel="stylesheet" href="${OPS_BASE}${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<strong>Frontdesk ops</strong>
${user ? navigation(user, current) : null}
</header>
<main id="main">
${body}
</main>
</body>
</html>`.text;
}

function navigation(user: SignedIn, current: string | undefined): Html {
  return html`<nav aria-label="Pages"><ul>${NAV.filter((item) => item.show?.(user) ?? true).map(
    (item) => html`<li><a href="${item.href}"${item.href === current ? html` aria-current="page"` : null}>${item.label}</a></li>`,
  )}</ul></nav>
<div class="who"><span>${user.name} (${user.role})</span>
<form method="post" action="${OPS_BASE}/sign-out"><input type="hidden" name="csrf" value="${user.csrfToken}"><button class="link" type="submit">Sign out</button></form></div>`;
}

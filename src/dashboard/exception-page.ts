import { permission, type Action } from '../access/matrix.ts';
import { EXCEPTION_TITLES } from '../contract/ops.ts';
import type { ExceptionDetail } from '../ops/index.ts';
import { opsActorOf } from './actor.ts';
import { ageOf, when } from './format.ts';
import { html, type Html } from './html.ts';
import type { InboxDeps } from './inbox.ts';
import { INBOX_PATH } from './inbox.ts';
import { OPS_BASE } from './layout.ts';
import type { SignedIn } from './session.ts';

// One exception with what a person needs to act on it: who, what, the customer's last
// messages, its trail, and a form for each command that fits its type and status and
// that the user's role may issue. A viewer sees the same page without any form; the
// ops core refuses a forged POST anyway.

export interface ExceptionPage {
  detail: ExceptionDetail;
  /** Who an exception can be handed to (users who may resolve), for the assign select. */
  assignees: Array<{ id: string; name: string; role: string }>;
  /** User ids on the trail and the assignee, by name. */
  names: Map<string, string>;
  zone: string;
  now: Date;
}

export async function loadExceptionPage(deps: InboxDeps, user: SignedIn, id: string): Promise<ExceptionPage> {
  const detail = await deps.ops.get(opsActorOf(user), id);
  const [users, business] = await Promise.all([
    deps.db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } }),
    deps.db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { timeZone: true } }),
  ]);
  return {
    detail,
    assignees: users.filter((u) => permission(u.role, 'ops.resolve') !== 'none'),
    names: new Map(users.map((u) => [u.id, u.name])),
    zone: detail.appointment?.location.timeZone ?? business?.timeZone ?? 'UTC',
    now: deps.clock(),
  };
}

const may = (user: SignedIn, action: Action) => permission(user.role, action) !== 'none';

function speaker(m: { direction: string; role: string }): string {
  if (m.direction === 'inbound') return 'Customer';
  return m.role === 'staff' ? 'Staff' : 'Frontdesk';
}

function messages(p: ExceptionPage): Html {
  const c = p.detail.conversation;
  if (!c) return html`<p class="empty">No conversation is linked to this exception.</p>`;
  if (!c.messages.length) return html`<p class="empty">The conversation has no messages yet.</p>`;
  return html`<p class="context">On ${c.channel}${c.handedOff ? ' · handed to staff: the bot is not answering' : ''}</p>
<ol class="transcript">${c.messages.map(
    (m) => html`<li class="${m.direction}"><span class="time">${when(m.createdAt, p.zone)}</span> <strong>${speaker(m)}:</strong> ${m.text}</li>`,
  )}</ol>`;
}

function trail(p: ExceptionPage): Html {
  return html`<ol class="trail">${p.detail.trail.map((t) => {
    const who = t.actorId ? (p.names.get(t.actorId) ?? t.actorId) : t.actorType;
    const reason = (t.details as { reason?: unknown }).reason;
    return html`<li><span class="time">${when(t.at, p.zone)}</span> ${t.action} by ${who}${typeof reason === 'string' ? html` — “${reason}”` : null}</li>`;
  })}</ol>`;
}

/** A form posting one command with the CSRF token; `fields` are its labelled controls. */
function commandForm(input: { id: string; kind: string; user: SignedIn; button: string; fields?: Html; danger?: boolean }): Html {
  return html`<form class="command" method="post" action="${INBOX_PATH}/${input.id}/${input.kind}">
<input type="hidden" name="csrf" value="${input.user.csrfToken}">
${input.fields ?? null}
<button type="submit"${input.danger ? html` class="danger"` : null}>${input.button}</button>
</form>`;
}

function reasonField(id: string, kind: string, label: string): Html {
  return html`<label for="${kind}-reason-${id}">${label}</label><input id="${kind}-reason-${id}" name="reason" required maxlength="1000">`;
}

function actions(p: ExceptionPage, user: SignedIn): Html | null {
  const e = p.detail.exception;
  if (e.status !== 'open' && e.status !== 'assigned') return null;
  const id = e.id;
  const reachable = !!(e.conversationId || e.customerId);
  const forms: Html[] = [];
  if (e.assigneeUserId !== user.userId && may(user, 'ops.take')) forms.push(commandForm({ id, kind: 'take', user, button: 'Take it' }));
  if (may(user, 'ops.assign')) {
    const select = html`<label for="assignee-${id}">Assign to</label><select id="assignee-${id}" name="assigneeUserId" required>${p.assignees.map(
      (u) => html`<option value="${u.id}"${u.id === e.assigneeUserId ? html` selected` : null}>${u.name} (${u.role})</option>`,
    )}</select>`;
    forms.push(commandForm({ id, kind: 'assign', user, button: 'Assign', fields: select }));
  }
  if (e.type === 'approval_needed') {
    if (may(user, 'ops.approve')) forms.push(commandForm({ id, kind: 'approve', user, button: 'Approve' }));
    if (may(user, 'ops.decline')) forms.push(commandForm({ id, kind: 'decline', user, button: 'Decline', danger: true, fields: reasonField(id, 'decline', 'Why it is declined (the customer is told)') }));
  }
  if (reachable && may(user, 'ops.reply')) {
    const area = html`<label for="reply-${id}">Reply to the customer</label><textarea id="reply-${id}" name="text" rows="3" required maxlength="1600"></textarea>
<p class="hint">Sent as written on the customer's own channel${p.detail.conversation ? ` (${p.detail.conversation.channel})` : ''}.</p>`;
    forms.push(commandForm({ id, kind: 'reply', user, button: 'Send reply', fields: area }));
  }
  if (may(user, 'ops.resolve')) forms.push(commandForm({ id, kind: 'resolve', user, button: 'Resolve', fields: reasonField(id, 'resolve', 'How it was resolved') }));
  if (may(user, 'ops.dismiss')) forms.push(commandForm({ id, kind: 'dismiss', user, button: 'Dismiss', danger: true, fields: reasonField(id, 'dismiss', 'Why it needs no handling') }));
  if (!forms.length) return html`<p class="empty">Your role (${user.role}) may read this exception but not act on it.</p>`;
  return html`<section aria-labelledby="actions"><h2 id="actions">Actions</h2><div class="commands">${forms}</div></section>`;
}

export function renderExceptionPage(p: ExceptionPage, user: SignedIn): Html {
  const { exception: e, customer, appointment: a } = p.detail;
  const assignee = e.assigneeUserId ? (p.names.get(e.assigneeUserId) ?? 'someone') : null;
  return html`<p><a href="${INBOX_PATH}">← All exceptions</a></p>
<h1>${EXCEPTION_TITLES[e.type]}</h1>
<p>${e.summary}</p>
<dl class="facts">
<dt>Status</dt><dd>${e.status}${assignee ? ` · assigned to ${assignee}` : ''}</dd>
<dt>Raised</dt><dd>${when(e.createdAt, p.zone)} (waiting ${ageOf(e.createdAt, p.now)})</dd>
${customer ? html`<dt>Customer</dt><dd>${customer.name ?? 'No name'} · ${customer.phone}${customer.optedOut ? ' · opted out of texts' : ''}</dd>` : null}
${a ? html`<dt>Appointment</dt><dd><a href="${OPS_BASE}/appointments/${a.id}">${a.service.name}, ${when(a.startsAt, a.location.timeZone)} at ${a.location.name}</a> · ${a.status}</dd>` : null}
${e.resolution ? html`<dt>Closed</dt><dd>${e.resolution}</dd>` : null}
</dl>
${actions(p, user)}
<section aria-labelledby="said"><h2 id="said">Last messages</h2>${messages(p)}</section>
<section aria-labelledby="trail"><h2 id="trail">Trail</h2>${trail(p)}</section>`;
}

import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { EXCEPTION_TITLES } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import { signedInUser } from './actor.ts';
import { clockTime, when } from './format.ts';
import { html, type Html } from './html.ts';
import { INBOX_PATH } from './inbox.ts';
import { OPS_BASE, page } from './layout.ts';
import { sendProblem } from './problem-page.ts';
import type { SignedIn } from './session.ts';
import { loadStory, TRANSCRIPT_LIMIT, type Story } from './story-load.ts';

// An appointment's story at /ops/appointments/:id, read-only: the record, then each
// source of what happened to it in its own section, times in the location's zone.

export const storyPath = (id: string) => `${OPS_BASE}/appointments/${id}`;

/** JSON a tool call or result carried, cut short: the page shows what happened, not every byte. */
function compact(value: unknown, max = 600): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function section(id: string, title: string, body: Html): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;
}

const none = (text: string) => html`<p class="empty">${text}</p>`;

function record(s: Story): Html {
  const a = s.appointment;
  const zone = a.location.timeZone;
  const resources = [...new Set(a.reservations.filter((r) => r.active).map((r) => r.resource.name))];
  const intake = Object.entries((a.intake ?? {}) as Record<string, unknown>);
  return html`<dl class="facts">
<dt>When</dt><dd>${when(a.startsAt, zone)}–${clockTime(a.endsAt, zone)} (${zone})</dd>
<dt>Where</dt><dd>${a.location.name}${resources.length ? ` · ${resources.join(', ')}` : ''}</dd>
<dt>Status</dt><dd>${a.status}${a.cancelReason ? ` · ${a.cancelReason}` : ''}</dd>
<dt>Customer</dt><dd>${a.customer ? `${a.customer.name ?? 'No name'} · ${a.customer.phone}${a.customer.optedOut ? ' · opted out of texts' : ''}` : 'None'}</dd>
<dt>Booked</dt><dd>${when(a.createdAt, zone)} via ${a.channel}, under rule version ${a.ruleVersion}</dd>
${a.rescheduledFromId ? html`<dt>Moved from</dt><dd><a href="${storyPath(a.rescheduledFromId)}">the earlier appointment</a></dd>` : null}
${a.rescheduledTo ? html`<dt>Moved to</dt><dd><a href="${storyPath(a.rescheduledTo.id)}">the new appointment</a></dd>` : null}
${intake.length ? html`<dt>Intake</dt><dd>${intake.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ')}</dd>` : null}
${a.notes ? html`<dt>Notes</dt><dd>${a.notes}</dd>` : null}
</dl>`;
}

function speaker(m: { direction: string; role: string }): string {
  if (m.direction === 'inbound') return 'Customer';
  return { staff: 'Staff', tool: 'Tool result', assistant: 'Frontdesk', system: 'System' }[m.role] ?? m.role;
}

function message(m: Story['conversations'][number]['messages'][number], zone: string): Html {
  const calls = Array.isArray(m.toolCalls) ? (m.toolCalls as Array<{ name?: unknown; arguments?: unknown }>) : [];
  return html`<li class="${m.direction}"><span class="time">${when(m.createdAt, zone)}</span> <strong>${speaker(m)}:</strong> ${m.text ?? null}
${calls.map((c) => html`<div class="tool">Tool call <code>${String(c.name ?? 'unknown')}</code> <code>${compact(c.arguments ?? c)}</code></div>`)}
${m.toolResult ? html`<div class="tool">Result <code>${compact(m.toolResult)}</code></div>` : null}</li>`;
}

function transcript(s: Story): Html {
  if (!s.conversations.length) return none('No conversation is linked to this appointment.');
  const zone = s.appointment.location.timeZone;
  return html`${s.conversations.map(
    (c) => html`<h3>On ${c.channel}${c.handedOff ? ' (handed to staff)' : ''}</h3>
${c.total > c.messages.length ? html`<p class="context">The newest ${TRANSCRIPT_LIMIT} of ${c.total} messages.</p>` : null}
${c.messages.length ? html`<ol class="transcript">${c.messages.map((m) => message(m, zone))}</ol>` : none('No messages.')}`,
  )}`;
}

function trail(s: Story): Html {
  if (!s.trail.length) return none('No changes recorded.');
  const zone = s.appointment.location.timeZone;
  return html`<ol class="trail">${s.trail.map((t) => {
    const who = t.actorType === 'user' && t.actorId ? (s.names.get(t.actorId) ?? t.actorId) : t.actorType;
    const d = t.details as { channel?: string | null; before?: { status?: string } | null; after?: { status?: string } | null };
    const change = d.before?.status && d.after?.status && d.before.status !== d.after.status ? ` (${d.before.status} → ${d.after.status})` : '';
    return html`<li><span class="time">${when(t.at, zone)}</span> ${t.action}${change} by ${who}${d.channel ? ` via ${d.channel}` : ''}</li>`;
  })}</ol>`;
}

function reminders(s: Story): Html {
  if (!s.reminders.length) return none('No reminder has fallen due.');
  const zone = s.appointment.location.timeZone;
  return html`<ul class="plain">${s.reminders.map(
    (r) => html`<li><strong>${r.status}</strong> · ${r.offsetMinutes} min before, by ${r.channel} · due ${when(r.dueAt, zone)}${r.sendAt.getTime() !== r.dueAt.getTime() ? `, sent at ${when(r.sendAt, zone)}` : ''}${r.reason ? html` · <em>${r.reason}</em>` : null}${r.noticeStatus ? ` · channel: ${r.noticeStatus}` : ''}</li>`,
  )}</ul>`;
}

function outbound(s: Story): Html {
  if (!s.outbound.length) return none('Nothing was sent about this appointment.');
  const zone = s.appointment.location.timeZone;
  return html`<ul class="plain">${s.outbound.map(
    (o) => html`<li><span class="time">${when(o.createdAt, zone)}</span> ${o.kind} by ${o.channel} · <strong>${o.status}</strong>${o.error ? html` · <em>${o.error}</em>` : null}<blockquote>${o.body}</blockquote></li>`,
  )}</ul>`;
}

function notices(s: Story): Html {
  if (!s.notices.length) return none('No notices that a reply answers.');
  const zone = s.appointment.location.timeZone;
  return html`<ul class="plain">${s.notices.map(
    (n) => html`<li><span class="time">${when(n.sentAt, zone)}</span> ${n.kind} by ${n.channel}${n.replies.length ? ` · answered ${n.replies.map((r) => `“${r.answer}”`).join(', ')}` : ' · no answer'}</li>`,
  )}</ul>`;
}

function exceptions(s: Story): Html {
  if (!s.exceptions.length) return none('No exceptions were raised about it.');
  return html`<ul class="plain">${s.exceptions.map(
    (e) => html`<li><a href="${INBOX_PATH}/${e.id}">${EXCEPTION_TITLES[e.type]}</a> · ${e.status} · ${e.summary}</li>`,
  )}</ul>`;
}

export function renderStory(s: Story): Html {
  const a = s.appointment;
  return html`<h1>${a.service.name} · ${a.customer?.name ?? 'Customer without a name'}</h1>
${record(s)}
${section('exceptions', 'Exceptions', exceptions(s))}
${section('transcript', 'Conversation', transcript(s))}
${section('trail', 'Audit trail', trail(s))}
${section('reminders', 'Reminders', reminders(s))}
${section('outbound', 'Messages sent', outbound(s))}
${section('notices', 'Notices', notices(s))}`;
}

const uuid = z.uuid();

export function mountStory(router: Router, deps: { db: PrismaClient }): void {
  router.get('/appointments/:id', async (req: Request, res: Response) => {
    const user: SignedIn = signedInUser(res);
    const id = String(req.params.id);
    const story = uuid.safeParse(id).success ? await loadStory(deps, user, id) : null;
    if (!story) return sendProblem(res, { status: 404, title: 'Not found', text: `Appointment ${id} was not found.`, user, back: { href: `${OPS_BASE}/today`, label: 'Back to today' } });
    res.type('html').send(page({ title: 'Appointment', body: renderStory(story), user }));
  });
}

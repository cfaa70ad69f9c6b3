import { z } from 'zod';
import { EXCEPTION_STATUSES, EXCEPTION_TITLES, EXCEPTION_TYPES, type ExceptionStatus } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Exception } from '../generated/prisma/client.ts';
import type { Ops } from '../ops/index.ts';
import { opsActorOf } from './actor.ts';
import { ageOf, when } from './format.ts';
import { html, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';
import type { SignedIn } from './session.ts';

// The exception inbox: what waits for a person, oldest first, filtered by status,
// type, location and "assigned to me". Read through the ops core, so a staff member
// sees the same exceptions here as in Slack or Teams (their own).

export const INBOX_PATH = `${OPS_BASE}/exceptions`;

/** Rows on one page; the next page starts after the last row shown. */
export const INBOX_LIMIT = 100;

export interface InboxDeps {
  db: PrismaClient;
  clock: Clock;
  ops: Ops;
}

const ACTIVE = 'active';
const ALL = 'all';
const blankAs = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The filter form's query; unknown values are refused (400), not ignored. */
export const InboxFilter = z.strictObject({
  status: blankAs(z.enum([ACTIVE, ALL, ...EXCEPTION_STATUSES], { message: 'is not a status the inbox knows' })),
  type: blankAs(z.enum(EXCEPTION_TYPES, { message: 'is not an exception type' })),
  location: blankAs(z.uuid({ message: 'must be a location id' })),
  mine: blankAs(z.literal('on', { message: 'must be "on" or absent' })),
  /** The last exception of the previous page (a keyset, so rows raised meanwhile do not shift pages). */
  after: blankAs(z.uuid({ message: 'must be an exception id' })),
});
export type InboxFilter = z.infer<typeof InboxFilter>;

export interface InboxRow {
  exception: Exception;
  customer: string | null;
  appointment: { startsAt: Date; timeZone: string; service: string } | null;
  assignee: string | null;
}

export interface Inbox {
  filter: InboxFilter;
  rows: InboxRow[];
  more: boolean;
  locations: Array<{ id: string; name: string }>;
  businessZone: string;
  now: Date;
}

function statusesOf(filter: InboxFilter): ExceptionStatus[] | undefined {
  const status = filter.status ?? ACTIVE;
  if (status === ALL) return undefined;
  return status === ACTIVE ? ['open', 'assigned'] : [status];
}

/** Where a page starts: null when `after` names no exception, which the route refuses. */
async function pageStart(deps: InboxDeps, filter: InboxFilter): Promise<{ createdAt: Date; id: string } | undefined | null> {
  if (!filter.after) return undefined;
  return deps.db.exception.findUnique({ where: { id: filter.after }, select: { createdAt: true, id: true } });
}

/** The inbox page, or null when the page cursor names no exception. */
export async function loadInbox(deps: InboxDeps, user: SignedIn, filter: InboxFilter): Promise<Inbox | null> {
  const after = await pageStart(deps, filter);
  if (after === null) return null;
  const found = await deps.ops.list(opsActorOf(user), {
    status: statusesOf(filter),
    type: filter.type ? [filter.type] : undefined,
    locationId: filter.location,
    // A user who signed in always has an id; "mine" is their own assignments.
    assigneeUserId: filter.mine ? user.userId : undefined,
    after,
    limit: INBOX_LIMIT,
  });
  const exceptions = found.slice(0, INBOX_LIMIT);
  const ids = (pick: (e: Exception) => string | null) => [...new Set(exceptions.map(pick).filter((x): x is string => !!x))];
  const [customers, appointments, users, locations, business] = await Promise.all([
    deps.db.customer.findMany({ where: { id: { in: ids((e) => e.customerId) } }, select: { id: true, name: true, phone: true } }),
    deps.db.appointment.findMany({
      where: { id: { in: ids((e) => e.appointmentId) } },
      select: { id: true, startsAt: true, service: { select: { name: true } }, location: { select: { timeZone: true } } },
    }),
    deps.db.user.findMany({ where: { id: { in: ids((e) => e.assigneeUserId) } }, select: { id: true, name: true } }),
    deps.db.location.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    deps.db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { timeZone: true } }),
  ]);
  const customerOf = new Map(customers.map((c) => [c.id, c.name ?? c.phone]));
  const appointmentOf = new Map(appointments.map((a) => [a.id, { startsAt: a.startsAt, timeZone: a.location.timeZone, service: a.service.name }]));
  const userOf = new Map(users.map((u) => [u.id, u.name]));
  const rows = exceptions.map((e) => ({
    exception: e,
    customer: e.customerId ? (customerOf.get(e.customerId) ?? null) : null,
    appointment: e.appointmentId ? (appointmentOf.get(e.appointmentId) ?? null) : null,
    assignee: e.assigneeUserId ? (userOf.get(e.assigneeUserId) ?? null) : null,
  }));
  return { filter, rows, more: found.length > INBOX_LIMIT, locations, businessZone: business?.timeZone ?? 'UTC', now: deps.clock() };
}

const option = (value: string, label: string, selected: string | undefined) => html`<option value="${value}"${value === selected ? html` selected` : null}>${label}</option>`;

function filterForm(inbox: Inbox): Html {
  const f = inbox.filter;
  return html`<form class="filters" method="get" action="${INBOX_PATH}">
<label>Status <select name="status">${option(ACTIVE, 'Open or assigned', f.status ?? ACTIVE)}${EXCEPTION_STATUSES.map((s) => option(s, s[0]!.toUpperCase() + s.slice(1), f.status))}${option(ALL, 'Any status', f.status)}</select></label>
<label>Type <select name="type">${option('', 'Any type', f.type ?? '')}${EXCEPTION_TYPES.map((t) => option(t, EXCEPTION_TITLES[t], f.type))}</select></label>
<label>Location <select name="location">${option('', 'Any location', f.location ?? '')}${inbox.locations.map((l) => option(l.id, l.name, f.location))}</select></label>
<label class="check"><input type="checkbox" name="mine" value="on"${f.mine ? html` checked` : null}> Assigned to me</label>
<button type="submit">Filter</button>
</form>`;
}

function row(r: InboxRow, inbox: Inbox): Html {
  const e = r.exception;
  const context = [
    r.customer,
    r.appointment ? `${r.appointment.service}, ${when(r.appointment.startsAt, r.appointment.timeZone)}` : null,
    r.assignee ? `assigned to ${r.assignee}` : null,
  ].filter((x): x is string => !!x);
  return html`<li data-exception="${e.id}">
<a href="${INBOX_PATH}/${e.id}"><strong>${EXCEPTION_TITLES[e.type]}</strong></a> <span class="badge">${e.status}</span>
<span class="age" title="Raised ${when(e.createdAt, inbox.businessZone)}">waiting ${ageOf(e.createdAt, inbox.now)}</span>
<p>${e.summary}</p>
${context.length ? html`<p class="context">${context.join(' · ')}</p>` : null}
</li>`;
}

/** The inbox URL of the same filter at another page (no `after`: the first page). */
function pageHref(filter: InboxFilter, after?: string): string {
  const query = new URLSearchParams(Object.entries({ ...filter, after }).filter((e): e is [string, string] => !!e[1]));
  const qs = query.toString();
  return qs ? `${INBOX_PATH}?${qs}` : INBOX_PATH;
}

function countLine(inbox: Inbox): string {
  const n = inbox.rows.length;
  const later = inbox.filter.after ? ' after the previous page' : '';
  if (n === 0) return inbox.filter.after ? 'No more exceptions match this filter.' : 'No exceptions match this filter.';
  return `${n} exception${n === 1 ? '' : 's'}${later}, oldest first.${inbox.more ? ' More on the next page.' : ''}`;
}

function pager(inbox: Inbox): Html | null {
  const last = inbox.rows.at(-1)?.exception.id;
  const links = [
    inbox.filter.after ? html`<a href="${pageHref(inbox.filter)}">Oldest first</a>` : null,
    inbox.more && last ? html`<a href="${pageHref(inbox.filter, last)}" rel="next">Next ${INBOX_LIMIT}</a>` : null,
  ].filter((l) => l !== null);
  return links.length ? html`<nav class="pager" aria-label="Pages">${links}</nav>` : null;
}

export function renderInbox(inbox: Inbox): Html {
  const n = inbox.rows.length;
  return html`<h1>Exceptions</h1>
${filterForm(inbox)}
<p class="count" role="status">${countLine(inbox)}</p>
${n ? html`<ol class="inbox">${inbox.rows.map((r) => row(r, inbox))}</ol>` : null}
${pager(inbox)}`;
}

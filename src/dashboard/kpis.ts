import { DateTime } from 'luxon';
import { permission } from '../access/matrix.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import { addDays, localDate, wallToInstant } from '../engine/time.ts';
import { kpiCsv, kpiReport, type KpiFilter } from '../reports/index.ts';
import { html, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';
import { CHANNELS, renderKpis, type KpiForm } from './kpis-view.ts';
import type { SignedIn } from './session.ts';

// /ops/kpis?from&to&location&service&channel: the KPIs of src/reports (the same
// kpiReport the API's GET /reports/kpis answers with) as tables and server-side SVG
// charts, with a filter form and the CSV. Dates are whole local days, `to` included,
// in the chosen location's zone (else the business's). Business-wide figures are a
// manager's: the matrix's reports.read, so staff and viewers are refused.

export const KPIS_PATH = `${OPS_BASE}/kpis`;
export const KPIS_CSV_PATH = `${OPS_BASE}/kpis.csv`;
const MAX_DAYS = 366;
const DEFAULT_DAYS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface KpiDeps {
  db: PrismaClient;
  clock: Clock;
}

export const mayReadKpis = (user: SignedIn) => permission(user.role, 'reports.read') !== 'none';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

/** The form's fields with defaults filled in (the last 30 days up to today), or why they are refused. */
export function parseKpiForm(query: Record<string, unknown>, today: string): KpiForm | { problem: string } {
  const to = text(query.to) ?? today;
  const from = text(query.from) ?? addDays(to, 1 - DEFAULT_DAYS);
  const form: KpiForm = { from, to, location: text(query.location), service: text(query.service), channel: text(query.channel) };
  if (!isDate(from) || !isDate(to)) return { problem: 'From and To must be calendar dates like 2026-12-07.' };
  if (to < from) return { problem: 'To must not be before From.' };
  if (addDays(from, MAX_DAYS) <= to) return { problem: `The period may cover at most ${MAX_DAYS} days.` };
  if ((form.location && !UUID.test(form.location)) || (form.service && !UUID.test(form.service))) return { problem: 'The location or service is not an id.' };
  if (form.channel && !(CHANNELS as readonly string[]).includes(form.channel)) return { problem: `The channel must be one of ${CHANNELS.join(', ')}.` };
  return form;
}

/** The report's filter: the form's days as instants, from local midnight to the midnight after `to`. */
export const kpiFilter = (form: KpiForm, zone: string): KpiFilter => ({
  from: new Date(wallToInstant(form.from, 0, zone)),
  to: new Date(wallToInstant(addDays(form.to, 1), 0, zone)),
  location: form.location,
  service: form.service,
  channel: form.channel,
});

/** The same report from the admin API: GET /api/v1/reports/kpis with these parameters. */
export function apiQuery(filter: KpiFilter, format?: 'csv'): string {
  const q = new URLSearchParams({ from: filter.from.toISOString(), to: filter.to.toISOString() });
  for (const key of ['location', 'service', 'channel'] as const) if (filter[key]) q.set(key, filter[key]);
  if (format) q.set('format', format);
  return q.toString();
}

export type KpiOutcome = { status: 403 | 400 | 404; title: string; body: Html } | { status: 200; form: KpiForm; filter: KpiFilter; zone: string };

const refusal = (status: 400 | 403 | 404, message: string): KpiOutcome => ({
  status,
  title: status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Bad request',
  body: html`<h1>${status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Bad request'}</h1><p class="error" role="alert">${message}</p>${status === 403 ? null : html`<p><a href="${KPIS_PATH}">Show the last 30 days</a></p>`}`,
});

/** Checks the user and the query; the report's filter when both are fine. */
export async function resolveKpiRequest(deps: KpiDeps, input: { user: SignedIn; query: Record<string, unknown> }): Promise<KpiOutcome> {
  if (!mayReadKpis(input.user)) return refusal(403, 'The KPIs are for managers and admins.');
  const business = await deps.db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { timeZone: true } });
  const requested = text(input.query.location);
  const location = requested && UUID.test(requested) ? await deps.db.location.findUnique({ where: { id: requested }, select: { timeZone: true } }) : null;
  if (requested && UUID.test(requested) && !location) return refusal(404, 'There is no such location.');
  const zone = location?.timeZone ?? business?.timeZone ?? 'UTC';
  const form = parseKpiForm(input.query, localDate(deps.clock().getTime(), zone));
  if ('problem' in form) return refusal(400, form.problem);
  return { status: 200, form, filter: kpiFilter(form, zone), zone };
}

export async function kpiPage(deps: KpiDeps, input: { user: SignedIn; query: Record<string, unknown> }): Promise<{ status: number; title: string; body: Html }> {
  const outcome = await resolveKpiRequest(deps, input);
  if (outcome.status !== 200) return outcome;
  const [report, locations, services] = await Promise.all([
    kpiReport({ db: deps.db, filter: outcome.filter }),
    deps.db.location.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    deps.db.service.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const csvHref = `${KPIS_CSV_PATH}?${new URLSearchParams(Object.entries(outcome.form).filter((e): e is [string, string] => Boolean(e[1])))}`;
  return { status: 200, title: 'KPIs', body: renderKpis({ report, form: outcome.form, zone: outcome.zone, locations, services, csvHref, apiQuery: apiQuery(outcome.filter) }) };
}

/** The CSV of the page's report: the API's CSV (src/reports/csv.ts) of the same filter. */
export const kpiCsvOf = async (deps: KpiDeps, filter: KpiFilter): Promise<string> => kpiCsv(await kpiReport({ db: deps.db, filter }));

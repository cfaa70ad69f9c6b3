import { barChart, percent, type ChartSpec, type KpiReport } from '../reports/index.ts';
import type { RateStat, UtilizationStat } from '../reports/kpis.ts';
import { html, rawHtml, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';

// The KPI page's markup: the filter form, each KPI as a chart (server-side SVG from
// src/reports/charts.ts) beside a table with the exact figures. Every figure cell
// carries the unrounded number in data-value, so a test can compare the page with
// the API's JSON figure by figure.

type Option = { id: string; name: string };

/**
 * A bar chart wide enough for its labels (about 12 characters each), in a box that
 * scrolls sideways on a narrow screen rather than shrinking the labels to nothing.
 */
function chart(spec: ChartSpec): Html {
  return html`<div class="chart">${rawHtml(barChart({ ...spec, width: Math.max(480, 96 * spec.points.length) }))}</div>`;
}

/** The filter form's fields: local dates, `to` included. */
export interface KpiForm {
  from: string;
  to: string;
  location?: string;
  service?: string;
  channel?: string;
}

export const CHANNELS = ['sms', 'slack', 'teams', 'api', 'web'] as const;

/** A figure for people: one decimal, "—" when there is none (a rate over nothing). */
const figure = (value: number | null, as: 'rate' | 'number' = 'number') =>
  value === null ? '—' : as === 'rate' ? `${(Math.round(value * 1000) / 10).toFixed(1)}%` : String(Math.round(value * 10) / 10);

const cell = (value: number | null, as: 'rate' | 'number' = 'number') => html`<td data-value="${value === null ? '' : String(value)}">${figure(value, as)}</td>`;

function select(input: { label: string; name: string; options: Option[]; value?: string }): Html {
  return html`<label>${input.label} <select name="${input.name}"><option value="">All</option>${input.options.map(
    (o) => html`<option value="${o.id}"${o.id === input.value ? html` selected` : null}>${o.name}</option>`,
  )}</select></label>`;
}

function filters(input: { form: KpiForm; locations: Option[]; services: Option[] }): Html {
  const { form } = input;
  return html`<form class="filters" method="get" action="${OPS_BASE}/kpis">
<label>From <input type="date" name="from" value="${form.from}" required></label>
<label>To <input type="date" name="to" value="${form.to}" required></label>
${select({ label: 'Location', name: 'location', options: input.locations, value: form.location })}
${select({ label: 'Service', name: 'service', options: input.services, value: form.service })}
${select({ label: 'Channel', name: 'channel', options: CHANNELS.map((c) => ({ id: c, name: c })), value: form.channel })}
<button type="submit">Show</button>
</form>`;
}

function speed(report: KpiReport): Html {
  const rows = report.speedToAppointment;
  const figureChart = chart({ id: 'speed', title: 'Median minutes to appointment', description: 'Median minutes from first message to confirmation, per service.', points: rows.map((s) => ({ label: s.serviceName, value: s.medianMinutes })) });
  return html`<section aria-labelledby="kpi-speed"><h2 id="kpi-speed">Speed to appointment</h2>
${rows.length ? figureChart : null}
<table data-kpi="speed"><caption>Minutes from first message to confirmed, by service</caption>
<thead><tr><th scope="col">Service</th><th scope="col">Appointments</th><th scope="col">Median</th><th scope="col">90th percentile</th></tr></thead>
<tbody>${rows.map((s) => html`<tr data-key="${s.serviceId}"><th scope="row">${s.serviceName}</th>${cell(s.appointments)}${cell(s.medianMinutes)}${cell(s.p90Minutes)}</tr>`)}</tbody>
</table>${rows.length ? null : html`<p class="empty">No appointment booked from a conversation was confirmed in this period.</p>`}</section>`;
}

const DIMENSION_NAMES: Record<RateStat['dimension'], string> = { channel: 'Channel', reminderPattern: 'Reminders', serviceName: 'Service' };

function rates(input: { id: string; title: string; counted: string; stats: RateStat[] }): Html {
  const { id, title, counted, stats } = input;
  const byChannel = stats.filter((s) => s.dimension === 'channel');
  const figureChart = chart({ id: `${id}-chart`, title: `${title} by channel`, description: `${title} per booking channel.`, points: byChannel.map((s) => ({ label: s.key, value: s.rate })), format: percent });
  return html`<section aria-labelledby="kpi-${id}"><h2 id="kpi-${id}">${title}</h2>
${byChannel.length ? figureChart : null}
<table data-kpi="${id}"><caption>${title} by channel, reminder pattern and service</caption>
<thead><tr><th scope="col">By</th><th scope="col">Value</th><th scope="col">${counted}</th><th scope="col">Of</th><th scope="col">Rate</th></tr></thead>
<tbody>${stats.map((s) => html`<tr data-key="${s.dimension}:${s.key}"><td>${DIMENSION_NAMES[s.dimension]}</td><th scope="row">${s.key}</th>${cell(s.count)}${cell(s.of)}${cell(s.rate, 'rate')}</tr>`)}</tbody>
</table>${stats.length ? null : html`<p class="empty">Nothing to count in this period.</p>`}</section>`;
}

function utilizationTable(input: { kpi: string; caption: string; stats: UtilizationStat[] }): Html {
  return html`<table data-kpi="${input.kpi}"><caption>${input.caption}</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Booked hours</th><th scope="col">Available hours</th><th scope="col">Utilization</th></tr></thead>
<tbody>${input.stats.map((s) => html`<tr data-key="${s.id}"><th scope="row">${s.name}</th>${cell(s.bookedHours)}${cell(s.availableHours)}${cell(s.rate, 'rate')}</tr>`)}</tbody>
</table>`;
}

function utilization(report: KpiReport): Html {
  const { byResource, byLocation } = report.utilization;
  const figureChart = chart({ id: 'utilization', title: 'Utilization by resource', description: 'Booked hours divided by available hours, per resource.', points: byResource.map((s) => ({ label: s.name, value: s.rate })), format: percent });
  return html`<section aria-labelledby="kpi-utilization"><h2 id="kpi-utilization">Utilization</h2>
${byResource.length ? figureChart : null}
${utilizationTable({ kpi: 'utilization-location', caption: 'Booked ÷ available hours, by location', stats: byLocation })}
${utilizationTable({ kpi: 'utilization-resource', caption: 'Booked ÷ available hours, by resource', stats: byResource })}
</section>`;
}

function humanWork(report: KpiReport): Html {
  const e = report.exceptionRate;
  const a = report.adminTime;
  return html`<section aria-labelledby="kpi-human"><h2 id="kpi-human">Human involvement</h2>
<table data-kpi="human"><caption>Appointments booked in the period that needed people</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Count</th><th scope="col">Appointments</th><th scope="col">Figure</th></tr></thead>
<tbody>
<tr data-key="exception_rate"><th scope="row">Exception rate</th>${cell(e.withException)}${cell(e.appointments)}${cell(e.rate, 'rate')}</tr>
<tr data-key="admin_time"><th scope="row">Human touches per appointment</th>${cell(a.humanTouches)}${cell(a.appointments)}${cell(a.perAppointment)}</tr>
</tbody></table></section>`;
}

export function renderKpis(input: { report: KpiReport; form: KpiForm; zone: string; locations: Option[]; services: Option[]; csvHref: string; apiQuery: string }): Html {
  const { report, form, zone } = input;
  return html`<h1>KPIs <span class="time">· ${form.from} to ${form.to} (${zone})</span></h1>
${filters(input)}
<p><a href="${input.csvHref}" download>Download these KPIs as CSV</a> · the same as <code>GET /api/v1/reports/kpis?${input.apiQuery}</code></p>
${humanWork(report)}
${speed(report)}
${rates({ id: 'no-show', title: 'No-show rate', counted: 'No-shows', stats: report.noShowRate })}
${rates({ id: 'late-cancel', title: 'Late-cancel rate', counted: 'Late cancels', stats: report.lateCancelRate })}
${utilization(report)}`;
}

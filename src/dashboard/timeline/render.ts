import { DateTime } from 'luxon';
import { html, rawHtml, type Html } from '../html.ts';
import { OPS_BASE } from '../layout.ts';
import type { ResourceDay, Segment, TimelineDay } from './segments.ts';

// A day's timeline as a table: a row per resource, its free time, and its schedule
// as an ordered list a screen reader reads in time order (the coloured bar above the
// list only repeats it for the eye, so it is hidden from assistive technology and
// every segment also says in words what it is). Times are the location's wall clock.

const clockTime = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

/** "09:00–17:00"; an end at the day's own end reads 24:00, not 00:00. */
function span(segment: { start: number; end: number }, day: TimelineDay, zone: string): string {
  const end = segment.end === day.end ? '24:00' : clockTime(segment.end, zone);
  return `${clockTime(segment.start, zone)}–${end}`;
}

/** "5 h 30 min", "45 min", "none". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes === 0) return 'none';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

export const appointmentHref = (id: string) => `${OPS_BASE}/appointments/${encodeURIComponent(id)}`;

function describe(segment: Segment): Html {
  switch (segment.kind) {
    case 'free':
      return html`Free`;
    case 'held':
      return html`Held for a booking in progress`;
    case 'time_off':
      return html`Time off${segment.reason ? html` (${segment.reason})` : null}`;
    case 'appointment':
      return html`<a href="${appointmentHref(segment.id)}">${segment.customer} · ${segment.service}</a>${segment.status === 'confirmed' ? null : html` <em>${segment.status}</em>`}`;
  }
}

function bar(segments: readonly Segment[], window: { start: number; end: number }): Html {
  const length = window.end - window.start;
  if (segments.length === 0 || length <= 0) return html``;
  const x = (ms: number) => Math.round(((ms - window.start) / length) * 10_000) / 10;
  const rects = segments
    .map((s) => `<rect class="seg-${s.kind}" x="${x(s.start)}" y="0" width="${Math.max(1, x(s.end) - x(s.start))}" height="16"/>`)
    .join('');
  return rawHtml(`<svg class="bar" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}</svg>`);
}

function row(resource: ResourceDay, day: TimelineDay, zone: string, window: { start: number; end: number }): Html {
  return html`<tr data-resource="${resource.resourceId}">
<th scope="row">${resource.name} <span class="kind">${resource.kind}</span></th>
<td class="free" data-free-minutes="${Math.round(resource.freeMs / 60_000)}">${duration(resource.freeMs)}</td>
<td>${bar(resource.segments, window)}${
    resource.segments.length === 0
      ? html`<span class="empty">Not working</span>`
      : html`<ol class="segments">${resource.segments.map(
          (s) => html`<li class="seg-${s.kind}"${s.kind === 'appointment' ? html` data-appointment="${s.id}"` : null}><span class="time">${span(s, day, zone)}</span> ${describe(s)}</li>`,
        )}</ol>`
  }</td>
</tr>`;
}

/** The stretch of the day anything happens in, so the bars are not mostly night. */
function activeWindow(day: TimelineDay): { start: number; end: number } {
  const segments = day.resources.flatMap((r) => r.segments);
  if (segments.length === 0) return { start: day.start, end: day.end };
  return { start: Math.min(...segments.map((s) => s.start)), end: Math.max(...segments.map((s) => s.end)) };
}

export function renderDay(input: { day: TimelineDay; zone: string; caption: string }): Html {
  const { day, zone, caption } = input;
  const window = activeWindow(day);
  return html`<table class="timeline-day" data-date="${day.date}">
<caption>${caption}</caption>
<thead><tr><th scope="col">Resource</th><th scope="col">Free</th><th scope="col">Schedule</th></tr></thead>
<tbody>${day.resources.map((r) => row(r, day, zone, window))}</tbody>
</table>`;
}

export const LEGEND = html`<p class="legend" aria-hidden="true"><span class="key seg-free"></span>Free <span class="key seg-appointment"></span>Appointment <span class="key seg-held"></span>Held <span class="key seg-time_off"></span>Time off</p>`;

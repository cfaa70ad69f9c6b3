// KPI charts as self-contained SVG, rendered on the server so a page (or an email)
// can embed them without a chart library or script. Each chart carries <title> and
// <desc> and role="img" with aria-labelledby, so a screen reader announces what it shows;
// every bar or point also has its own <title> with the exact figure.

export interface ChartPoint {
  label: string;
  /** null: no figure for this label (e.g. a rate with nothing to divide); drawn as a gap. */
  value: number | null;
}

export interface ChartSpec {
  /** Unique within the page: ids inside the SVG derive from it. */
  id: string;
  title: string;
  /** One sentence saying what is measured, read out after the title. */
  description: string;
  points: readonly ChartPoint[];
  /** Formats a value for labels and titles, e.g. as a percentage. */
  format?: (value: number) => string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 28, right: 12, bottom: 44, left: 12 };

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const round = (n: number) => Math.round(n * 10) / 10;

function frame(spec: ChartSpec, kind: string, body: string): string {
  const width = spec.width ?? 480;
  const height = spec.height ?? 240;
  const id = escapeXml(spec.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="kpi-chart kpi-${kind}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(spec.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(spec.description)}</desc>` +
    `<text x="${MARGIN.left}" y="18" font-size="14" font-weight="bold" fill="#1a1a1a">${escapeXml(spec.title)}</text>` +
    body +
    `</svg>`
  );
}

function layout(spec: ChartSpec) {
  const width = spec.width ?? 480;
  const height = spec.height ?? 240;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(0, ...spec.points.map((p) => p.value ?? 0));
  const scale = (v: number) => (max === 0 ? 0 : (v / max) * plotHeight);
  const slot = spec.points.length === 0 ? plotWidth : plotWidth / spec.points.length;
  const baseline = MARGIN.top + plotHeight;
  const format = spec.format ?? ((v: number) => String(round(v)));
  return { plotWidth, plotHeight, scale, slot, baseline, format };
}

const figure = (p: ChartPoint, format: (v: number) => string) => (p.value === null ? 'no data' : format(p.value));

function axisLabel(x: number, baseline: number, text: string): string {
  return `<text x="${round(x)}" y="${baseline + 16}" font-size="11" text-anchor="middle" fill="#333">${escapeXml(text)}</text>`;
}

/** A bar per point, its figure above it (dark on white: contrast well above 4.5:1). */
export function barChart(spec: ChartSpec): string {
  const { scale, slot, baseline, format } = layout(spec);
  const barWidth = Math.max(4, slot * 0.6);
  const bars = spec.points.map((p, i) => {
    const centre = MARGIN.left + slot * i + slot / 2;
    const h = p.value === null ? 0 : scale(p.value);
    const label = `${p.label}: ${figure(p, format)}`;
    return (
      `<g><title>${escapeXml(label)}</title>` +
      `<rect x="${round(centre - barWidth / 2)}" y="${round(baseline - h)}" width="${round(barWidth)}" height="${round(h)}" fill="#1f5fa8"/>` +
      `<text x="${round(centre)}" y="${round(baseline - h - 4)}" font-size="11" text-anchor="middle" fill="#1a1a1a">${escapeXml(figure(p, format))}</text>` +
      axisLabel(centre, baseline, p.label) +
      `</g>`
    );
  });
  const axis = `<line x1="${MARGIN.left}" y1="${baseline}" x2="${MARGIN.left + slot * spec.points.length}" y2="${baseline}" stroke="#555"/>`;
  return frame(spec, 'bars', axis + bars.join(''));
}

/** A line through the points in order (e.g. a figure per day); a null point breaks the line. */
export function lineChart(spec: ChartSpec): string {
  const { scale, slot, baseline, format } = layout(spec);
  const xy = spec.points.map((p, i) => ({ p, x: MARGIN.left + slot * i + slot / 2, y: p.value === null ? null : baseline - scale(p.value) }));
  const segments: string[] = [];
  let current: string[] = [];
  for (const { x, y } of xy) {
    if (y === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${current.length ? 'L' : 'M'}${round(x)} ${round(y)}`);
  }
  if (current.length) segments.push(current.join(' '));
  const paths = segments.map((d) => `<path d="${d}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`).join('');
  const points = xy
    .map(({ p, x, y }) =>
      `<g><title>${escapeXml(`${p.label}: ${figure(p, format)}`)}</title>` +
      (y === null ? '' : `<circle cx="${round(x)}" cy="${round(y)}" r="3" fill="#1f5fa8"/>`) +
      axisLabel(x, baseline, p.label) +
      `</g>`,
    )
    .join('');
  const axis = `<line x1="${MARGIN.left}" y1="${baseline}" x2="${MARGIN.left + slot * spec.points.length}" y2="${baseline}" stroke="#555"/>`;
  return frame(spec, 'line', axis + paths + points);
}

/** A share as a whole percentage, e.g. 0.375 → "38%". */
export const percent = (value: number) => `${Math.round(value * 100)}%`;

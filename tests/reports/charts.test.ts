import { describe, expect, it } from 'vitest';
import { barChart, lineChart, percent } from '../../src/reports/index.ts';

// The KPI charts are plain SVG a page can inline: titled for screen readers, one
// element per figure with its exact value, no script, and text escaped.

const attr = (svg: string, tag: string, name: string) => [...svg.matchAll(new RegExp(`<${tag}[^>]* ${name}="([^"]*)"`, 'g'))].map((m) => Number(m[1]));

describe('barChart', () => {
  const svg = barChart({
    id: 'no-shows',
    title: 'No-show rate by channel',
    description: 'Share of attended-or-missed appointments that were missed.',
    points: [
      { label: 'sms', value: 0.5 },
      { label: 'slack', value: 0.25 },
      { label: 'api', value: null },
    ],
    format: percent,
  });

  it('is an accessible image labelled by its title and description', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img" aria-labelledby="no-shows-title no-shows-desc"');
    expect(svg).toContain('<title id="no-shows-title">No-show rate by channel</title>');
    expect(svg).toContain('<desc id="no-shows-desc">Share of attended-or-missed appointments that were missed.</desc>');
    expect(svg).not.toContain('<script');
  });

  it('draws bars in proportion, each titled with its figure, and a gap for no data', () => {
    const heights = attr(svg, 'rect', 'height');
    expect(heights).toHaveLength(3);
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights[1]! * 2).toBeCloseTo(heights[0]!, 0);
    expect(heights[2]).toBe(0);
    expect(svg).toContain('<title>sms: 50%</title>');
    expect(svg).toContain('<title>slack: 25%</title>');
    expect(svg).toContain('<title>api: no data</title>');
  });

  it('escapes labels', () => {
    const tricky = barChart({ id: 'x', title: 'A <b> & "c"', description: 'd', points: [{ label: '<script>', value: 1 }] });
    expect(tricky).not.toContain('<script>');
    expect(tricky).toContain('&lt;script&gt;');
    expect(tricky).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });
});

describe('lineChart', () => {
  it('draws one path per unbroken run of points and a dot per figure', () => {
    const svg = lineChart({
      id: 'speed',
      title: 'Median minutes to appointment',
      description: 'Per day.',
      points: [
        { label: 'Mon', value: 10 },
        { label: 'Tue', value: 20 },
        { label: 'Wed', value: null },
        { label: 'Thu', value: 5 },
        { label: 'Fri', value: 15 },
      ],
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    const ys = attr(svg, 'circle', 'cy');
    // Higher figure, higher point (smaller y): Tue 20 is the top, Thu 5 the lowest.
    expect(Math.min(...ys)).toBe(ys[1]);
    expect(Math.max(...ys)).toBe(ys[2]);
    expect(svg).toContain('<title>Wed: no data</title>');
  });
});

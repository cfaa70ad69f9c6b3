import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type Rgba } from './png.ts';

// The Teams app's two icons, drawn in code so they can be regenerated exactly:
// color.png (192×192, full colour: a white calendar page on the accent colour) and
// outline.png (32×32, white on transparent only, as Teams requires).
// Run `tsx src/cli/teams/icons.ts` to rewrite manifests/teams/{color,outline}.png.

export const ACCENT: Rgba = [0x2f, 0x6f, 0xde, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A calendar page in a unit square: its frame, the binding bar at the top, and a check mark. */
function calendar(u: number, v: number, stroke: number): boolean {
  const inside = u >= 0.2 && u <= 0.8 && v >= 0.22 && v <= 0.8;
  const frame = inside && (u < 0.2 + stroke || u > 0.8 - stroke || v < 0.22 + stroke || v > 0.8 - stroke);
  const bar = inside && v < 0.34;
  const ring = (Math.abs(u - 0.36) < stroke / 2 || Math.abs(u - 0.64) < stroke / 2) && v >= 0.15 && v <= 0.28;
  const onLine = (x0: number, y0: number, x1: number, y1: number) => {
    const t = Math.max(0, Math.min(1, ((u - x0) * (x1 - x0) + (v - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2)));
    return Math.hypot(u - (x0 + t * (x1 - x0)), v - (y0 + t * (y1 - y0))) < stroke * 0.8;
  };
  const check = onLine(0.34, 0.55, 0.46, 0.67) || onLine(0.46, 0.67, 0.68, 0.44);
  return frame || bar || ring || check;
}

export const colorIcon = () => encodePng(192, 192, (x, y) => (calendar(x / 192, y / 192, 0.05) ? WHITE : ACCENT));
export const outlineIcon = () => encodePng(32, 32, (x, y) => (calendar((x + 0.5) / 32, (y + 0.5) / 32, 0.07) ? WHITE : CLEAR));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../../../manifests/teams/', import.meta.url);
  writeFileSync(new URL('color.png', dir), colorIcon());
  writeFileSync(new URL('outline.png', dir), outlineIcon());
  console.log('Wrote manifests/teams/color.png (192×192) and outline.png (32×32).');
}

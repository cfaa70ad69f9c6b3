import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../../src/cli/teams/png.ts';
import { buildTeamsPackage, manifestFor, validateManifest } from '../../../src/cli/teams/package.ts';
import { APP_ID } from './helpers.ts';

// npm run teams:package builds the zip Teams uploads: a manifest that validates against
// the official JSON schema of its version (vendored in manifests/teams/schema), naming
// this installation's bot and host, and the two icons at the sizes Teams requires.

/** The files of a zip, read from its central directory (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** The RGBA pixels of an unfiltered 8-bit RGBA PNG (as src/cli/teams/png.ts writes them). */
function pixels(png: Buffer): number[][] {
  const { width, height } = pngSize(png);
  const idat = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const out: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (1 + width * 4)]).toBe(0);
    for (let x = 0; x < width; x++) out.push([...raw.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 5 + x * 4)]);
  }
  return out;
}

describe('the Teams app package', () => {
  it('holds a manifest that validates against its schema, for this bot and host, and icons of the right sizes', async () => {
    const { zip } = await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://book.example.org' });
    const files = unzip(zip);
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown> & { bots: Array<{ botId: string; commandLists: Array<{ commands: Array<{ title: string }> }> }> };
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest).toMatchObject({ manifestVersion: '1.24', validDomains: ['book.example.org'], developer: { websiteUrl: 'https://book.example.org' } });
    expect(manifest.bots.map((b) => b.botId)).toEqual([APP_ID]);
    // Every command the app lists is one the bot understands.
    expect(manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title)).toEqual(['my bookings', 'help']);

    expect(pngSize(files.get('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get('outline.png')!)).toEqual({ width: 32, height: 32 });
    // Teams wants the outline icon white on transparent only, and the colour icon opaque.
    const outline = pixels(files.get('outline.png')!);
    expect(outline.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.some(([, , , a]) => a === 255)).toBe(true);
    expect(pixels(files.get('color.png')!).every(([, , , a]) => a === 255)).toBe(true);
  });

  it('refuses what the schema refuses', () => {
    const good = manifestFor({ appId: APP_ID, publicUrl: 'https://book.example.org' });
    expect(validateManifest({ ...good, manifestVersion: '1.19' })).toEqual(['/manifestVersion must be equal to constant']);
    expect(validateManifest({ ...good, bots: [{ scopes: ['personal'] }] })).toEqual(["/bots/0 must have required property 'botId'"]);
    expect(validateManifest({ ...good, unknownField: true })).toEqual(['/ must NOT have additional properties']);
    expect(() => manifestFor({ appId: 'not-a-guid', publicUrl: 'https://book.example.org' })).toThrow(/TEAMS_APP_ID/);
  });

  it('is written by npm run teams:package', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'app.zip');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'teams:package', '--', '--out', out], {
      env: { ...process.env, TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://book.example.org' },
    });
    expect(stdout).toContain(`Wrote ${out}`);
    expect([...unzip(readFileSync(out)).keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  }, 60_000);
});

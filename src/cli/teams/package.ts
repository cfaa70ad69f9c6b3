import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import yazl from 'yazl';

// The Teams app package: manifests/teams/manifest.json with this installation's bot
// (TEAMS_APP_ID) and public host filled in, plus its two icons, zipped flat as Teams'
// "Upload a custom app" expects. The manifest is validated against its official JSON
// schema (vendored from the @microsoft/app-manifest npm package) before it is zipped.

const DIR = new URL('../../../manifests/teams/', import.meta.url);
export const SCHEMA_FILE = new URL('schema/MicrosoftTeams.v1.24.schema.json', DIR);
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export type TeamsManifest = Record<string, unknown> & { bots: Array<Record<string, unknown>>; validDomains: string[]; developer: Record<string, string> };

/** The schema is draft-04 by its header, but uses nothing draft-04 alone means (it even uses `const`): Ajv's default draft reads it as written. */
function compileSchema() {
  const { $schema: _draft04, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}

export function validateManifest(manifest: unknown): string[] {
  const validate = compileSchema();
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest for this installation: the bot is the app registration, the public host the only valid domain. */
export function manifestFor(opts: { appId: string; publicUrl: string }): TeamsManifest {
  if (!GUID.test(opts.appId)) throw new Error('TEAMS_APP_ID must be the bot’s Microsoft App ID (a GUID).');
  const url = new URL(opts.publicUrl);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as TeamsManifest;
  const site = (path: string) => new URL(path, url.origin).toString().replace(/\/$/, '');
  return {
    ...manifest,
    developer: { ...manifest.developer, websiteUrl: site('/'), privacyUrl: site('/privacy'), termsOfUseUrl: site('/terms') },
    bots: manifest.bots.map((b) => ({ ...b, botId: opts.appId })),
    validDomains: [url.host],
  };
}

/** The zip Teams accepts: the three files at its root. */
export async function buildTeamsPackage(opts: { appId: string; publicUrl: string }): Promise<{ manifest: TeamsManifest; zip: Buffer }> {
  const manifest = manifestFor(opts);
  const problems = validateManifest(manifest);
  if (problems.length) throw new Error(`manifests/teams/manifest.json does not validate:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  for (const icon of ['color.png', 'outline.png']) zip.addBuffer(readFileSync(new URL(icon, DIR)), icon);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { manifest, zip: Buffer.concat(chunks) };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildTeamsPackage } from './teams/package.ts';

// npm run teams:package [-- --out path.zip]: builds the Teams app package from
// manifests/teams for this installation (TEAMS_APP_ID, PUBLIC_URL), validated against
// the manifest's JSON schema, ready for Teams' "Upload a custom app".

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = resolve(outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : 'build/frontdesk-teams.zip');
const appId = process.env.TEAMS_APP_ID;
const publicUrl = process.env.PUBLIC_URL;

if (!appId || !publicUrl) {
  console.error('Set TEAMS_APP_ID (the bot’s Microsoft App ID) and PUBLIC_URL (where /api/messages is served) to build the Teams app package.');
  process.exit(1);
}
try {
  const { zip } = await buildTeamsPackage({ appId, publicUrl });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

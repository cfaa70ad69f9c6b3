import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { build, DIST, isStale } from './build.js';

// `npm start` (no argument) and `npm run worker` (`worker`): runs the compiled entry
// from dist/, building it first when it is missing or older than the sources. The
// entry is imported into this process, not spawned: one Node process serves, with no
// launcher or TypeScript compiler resident beside it.

const ENTRIES = { server: 'main.js', worker: 'cli/worker.js' };
const which = process.argv[2] ?? 'server';
const entry = ENTRIES[which];
if (!entry) {
  console.error(`Unknown entry "${which}": one of ${Object.keys(ENTRIES).join(', ')}.`);
  process.exit(2);
}

if (await isStale()) {
  console.log('building dist/ (the sources changed since the last build; `npm run build` does it ahead)…');
  try {
    await build({ onlyIfStale: true });
  } catch (e) {
    console.error(`Frontdesk could not be built: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
await import(pathToFileURL(path.join(DIST, entry)).href);

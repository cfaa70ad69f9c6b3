import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run build`: src/ compiled by tsc (tsconfig.build.json) into dist/, plus the
// files the code reads beside itself (the dashboard's style.css). Plain JavaScript so
// it runs before anything is compiled. The stamp file marks a finished build:
// scripts/start.js rebuilds when a source is newer than it.

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
/** What the build is made from: a change to any of these makes dist/ stale. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => path.join(ROOT, p));
const LOCK = path.join(ROOT, '.dist-building');
// A lock older than this was left by a build that died.
const STALE_LOCK_MS = 10 * 60_000;

async function newestMtime(file) {
  const s = await stat(file);
  if (!s.isDirectory()) return s.mtimeMs;
  const entries = await readdir(file);
  const times = await Promise.all(entries.map((e) => newestMtime(path.join(file, e))));
  return Math.max(s.mtimeMs, ...times);
}

/** True when dist/ is missing, unfinished, or older than a source. */
export async function isStale() {
  const built = await stat(STAMP).then((s) => s.mtimeMs, () => null);
  if (built === null) return true;
  const times = await Promise.all(INPUTS.map(newestMtime));
  return Math.max(...times) > built;
}

/** Non-TypeScript files under src/ that the compiled code reads from its own directory. */
async function copyAssets(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await copyAssets(source, path.join(to, entry.name));
    else if (!entry.name.endsWith('.ts')) {
      await mkdir(to, { recursive: true });
      await cp(source, path.join(to, entry.name));
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Holds the build lock while `work` runs: `npm start` and `npm run worker` started together build once. */
async function withLock(work) {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

function compile(outDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`tsc failed (exit ${run.status ?? run.signal}): see its messages above`);
}

/**
 * Compiles into a fresh directory and swaps it in, so a half-written dist/ is never
 * run and files of deleted sources do not linger. `onlyIfStale`: another process may
 * have built while this one waited for the lock.
 */
export async function build({ onlyIfStale = false } = {}) {
  await withLock(async () => {
    if (onlyIfStale && !(await isStale())) return;
    const next = `${DIST}.next-${process.pid}`;
    await rm(next, { recursive: true, force: true });
    try {
      compile(next);
      await copyAssets(path.join(ROOT, 'src'), next);
      await writeFile(path.join(next, '.built'), `${new Date().toISOString()}\n`);
      const old = `${DIST}.old-${process.pid}`;
      await rename(DIST, old).catch((e) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
      await rename(next, DIST);
      await rm(old, { recursive: true, force: true });
    } finally {
      await rm(next, { recursive: true, force: true });
    }
  });
}

// `node scripts/build.js [--if-stale]`: --if-stale leaves an up-to-date dist/ alone (tests and the bench).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const onlyIfStale = process.argv.includes('--if-stale');
  if (!onlyIfStale || (await isStale())) {
    await build({ onlyIfStale });
    console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fmt, percentile } from './support.ts';

// Production start (issue 17), as a user runs it: `npm start` on the embedded database.
// Printed: the first start on an empty data directory (initdb, migrations, demo data)
// and later starts on the same directory, each from spawning `npm start` to /readyz
// answering 200; then the resident memory (VmRSS from /proc) of the Node process that
// serves, after start with the demo data, and of npm above it, which a service manager
// running `node scripts/start.js` directly would not have.

const ROOT = path.resolve(import.meta.dirname, '..');
const LATER_STARTS = Number(process.env.BENCH_STARTS ?? 3);
// How long after /readyz the memory is read: long enough for the workers to subscribe.
const SETTLE_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process in MB, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Every process below `pid` (npm → sh → node), from /proc's children lists. */
async function descendants(pid: number): Promise<number[]> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(/\s+/).filter(Boolean).map(Number);
  return [...children, ...(await Promise.all(children.map(descendants))).flat()];
}

async function argvOf(pid: number): Promise<string[]> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
}

const isNode = (argv: string[]) => path.basename(argv[0] ?? '') === 'node' || argv[0] === process.execPath;

interface Started {
  npm: ChildProcess;
  readyMs: number;
  output: () => string;
}

async function startOnce(env: Record<string, string>, port: number): Promise<Started> {
  const began = performance.now();
  // Its own process group, so a stop reaches npm and the server as Ctrl-C does.
  const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  npm.stdout?.on('data', (d) => (out += d));
  npm.stderr?.on('data', (d) => (out += d));
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return { npm, readyMs: performance.now() - began, output: () => out };
    await sleep(25);
  }
}

async function stopStarted({ npm }: Started): Promise<void> {
  const exited = new Promise((r) => npm.once('exit', r));
  process.kill(-npm.pid!, 'SIGINT');
  await exited;
  // The server may outlive npm by its shutdown grace; wait for the group to be gone.
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-npm.pid!, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

/** The serving Node process under npm (node scripts/start.js, not the shell around it), and npm's own VmRSS. */
async function memory(npm: ChildProcess): Promise<{ server: number; npm: number; serverCommand: string; others: string[] }> {
  const below = await Promise.all((await descendants(npm.pid!)).map(async (pid) => ({ pid, argv: await argvOf(pid) })));
  const nodes = below.filter((p) => isNode(p.argv));
  const server = nodes.find((p) => p.argv.includes('scripts/start.js'));
  if (!server) throw new Error(`no node scripts/start.js under npm: ${below.map((p) => p.argv.join(' ')).join(' | ')}`);
  const others = nodes.filter((p) => p !== server).map((p) => p.argv.join(' '));
  return { server: await rssMb(server.pid), npm: await rssMb(npm.pid!), serverCommand: server.argv.join(' '), others };
}

export async function run(): Promise<void> {
  // Built once beforehand, so no start below includes the compile.
  execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-bench-start-'));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const env = {
    FRONTDESK_DATA_DIR: dataDir,
    PORT: String(port),
    FRONTDESK_EMBEDDED_PORT: String(await freePort()),
    DATABASE_URL: '',
    FRONTDESK_ADMIN_TOKEN: '',
    LOG_LEVEL: 'warn',
  };
  try {
    const first = await startOnce(env, port);
    const progress = first.output().split('\n').filter((l) => l.endsWith('…'));
    console.log(`first npm start (initdb, migrate, seed) → /readyz 200: ${fmt(first.readyMs / 1000, 2)} s (target ≤ 5 s quiet)`);
    console.log(`  progress lines printed meanwhile: ${progress.length ? progress.map((l) => `"${l.trim()}"`).join(', ') : 'none'}`);
    await sleep(SETTLE_MS);
    const mem = await memory(first.npm);
    console.log(`resident memory after start with demo data: serving process ${fmt(mem.server, 0)} MB (target ≤ 150 MB), ${mem.others.length} other Node process(es) under npm${mem.others.length ? `: ${mem.others.join(' | ')}` : ''}`);
    console.log(`  (${mem.serverCommand}); npm start's own process above it: ${fmt(mem.npm, 0)} MB`);
    await stopStarted(first);

    const later: number[] = [];
    for (let i = 0; i < LATER_STARTS; i++) {
      const s = await startOnce(env, port);
      later.push(s.readyMs);
      await stopStarted(s);
    }
    const secs = later.map((ms) => fmt(ms / 1000, 2)).join(', ');
    console.log(`npm start on the existing data directory → /readyz 200: median ${fmt(percentile(later, 50) / 1000, 2)} s of ${LATER_STARTS} (${secs}) (target ≤ 2 s)`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as a user runs it: the launcher (scripts/start.js) runs the compiled
// dist/, with embedded PostgreSQL, migrations, admin token, demo data, HTTP; Ctrl-C
// stops everything, also while it is still starting; a second start reuses the data.

const ROOT = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// A loaded machine may start slowly: the budgets are generous so that only a real
// failure (an exit, a wrong answer) fails these tests.
const START_BUDGET_MS = 180_000;
const TEST_BUDGET_MS = 3 * START_BUDGET_MS + 60_000;
// `npm start` is `node scripts/start.js`: what every start below runs.
const NPM_START = ['scripts/start.js'];

// Built once here (a no-op when dist/ is up to date), so no start's budget includes the compile.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}, 600_000);

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, NPM_START, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', FRONTDESK_ADMIN_TOKEN: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const deadline = Date.now() + START_BUDGET_MS;
  while (!out.includes('Frontdesk is running at')) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

function stop(child: ChildProcess): Promise<{ code: number | null }> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code }));
    child.kill('SIGINT');
  });
}

describe('npm start on embedded defaults', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-start-'));
    await chmod(dataDir, 0o755);
    env = { FRONTDESK_DATA_DIR: dataDir, PORT: String(await freePort()), FRONTDESK_EMBEDDED_PORT: String(await freePort()) };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts, answers /readyz, shares its database with npm run chat, stops on Ctrl-C within 5 s, and a second start reuses the data', { timeout: TEST_BUDGET_MS }, async () => {
    const first = await start(env);
    // Compiled JavaScript, in this one process: no TypeScript loader, no second Node process.
    const command = (await readFile(`/proc/${first.child.pid}/cmdline`, 'utf8')).split('\0');
    expect(command.slice(1, 2)).toEqual(['scripts/start.js']);
    const children = (await readFile(`/proc/${first.child.pid}/task/${first.child.pid}/children`, 'utf8')).split(' ').filter(Boolean);
    const childCommands = await Promise.all(children.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
    // Its children are PostgreSQL's; none is another Node process.
    expect(childCommands.filter((c) => c.split('\0')[0] === process.execPath)).toEqual([]);
    // The first start says what it is doing before it is ready.
    const readyAt = first.output().indexOf('Frontdesk is running at');
    for (const step of ['initdb', 'migrating the database', 'seeding the demo business']) {
      const at = first.output().indexOf(step);
      expect(at, first.output()).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(readyAt);
    }
    const token = /admin token: (fd_\S+)/.exec(first.output())?.[1];
    expect(token, first.output()).toBeDefined();
    expect(first.output()).toContain(`http://localhost:${env.PORT}`);

    const ready = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
    expect(ready.status).toBe(200);
    // The printed token opens a protected route, which refuses a request without it.
    const appointments = `http://127.0.0.1:${env.PORT}/api/v1/appointments`;
    expect((await fetch(appointments)).status).toBe(401);
    expect((await fetch(appointments, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await fetch(appointments, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    // `npm run chat` beside the running server shares its embedded database.
    const chat = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--phone', '+12015550123'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let said = '';
    chat.stdout?.on('data', (d) => (said += d));
    chat.stderr?.on('data', (d) => (said += d));
    chat.stdin?.end('hello\n');
    expect(await new Promise((r) => chat.once('exit', r)), said).toBe(0);
    expect(said).toMatch(/book/i);
    expect((await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).status).toBe(200);

    // Exit code 0 means the clean shutdown finished: main.ts exits with 1 if 5 s pass first.
    expect((await stop(first.child)).code).toBe(0);

    const second = await start(env);
    // The token generated on the first start is stored (hashed) and still valid; no new one is printed.
    expect(second.output()).not.toMatch(/admin token: fd_/);
    // Nothing slow left to say: the data directory, the schema and the demo data exist.
    expect(second.output()).not.toMatch(/initdb|migrating|seeding/);
    const again = await fetch(appointments, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    expect((await stop(second.child)).code).toBe(0);
  });

  it('refuses to start on a malformed setting, naming the variable', { timeout: TEST_BUDGET_MS }, async () => {
    const { code, err } = await startAndExit({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(err).toContain('PORT');
  });
});

/** Runs `npm start` until it exits by itself. */
async function startAndExit(env: Record<string, string>): Promise<{ code: unknown; out: string; err: string }> {
  const child = spawn(process.execPath, NPM_START, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', FRONTDESK_ADMIN_TOKEN: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const code = await new Promise((r) => child.once('exit', r));
  return { code, out, err };
}

const STACK_FRAME = /^\s+at /m;

/** Pids of processes whose command line names this directory (a PostgreSQL run with -D inside it). */
async function processesUsing(dir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d));
  const found: number[] = [];
  for (const pid of pids) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(dir)) found.push(Number(pid));
  }
  return found;
}

describe('npm start stopped while it starts', () => {
  it('by a signal to its own process during migrations: exits 1 and leaves no PostgreSQL running', { timeout: TEST_BUDGET_MS }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-interrupted-'));
    await chmod(dataDir, 0o755);
    try {
      const child = spawn(process.execPath, NPM_START, {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', FRONTDESK_DATA_DIR: dataDir, PORT: String(await freePort()), FRONTDESK_EMBEDDED_PORT: String(await freePort()) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout?.on('data', (d) => (out += d));
      child.stderr?.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const deadline = Date.now() + START_BUDGET_MS;
      // PostgreSQL is up once migrations run; a service manager's SIGTERM reaches only this process.
      while (!out.includes('migrating the database')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`never reached the migrations:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await processesUsing(dataDir)).not.toEqual([]);
      child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(out).toContain('Frontdesk stopped by SIGTERM while starting.');
      // The fast stop is asynchronous on PostgreSQL's side: give it a few seconds.
      for (let i = 0; i < 100 && (await processesUsing(dataDir)).length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await processesUsing(dataDir)).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm start refuses clearly, before touching the database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-refuse-'));
    await chmod(dir, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a PORT already in use: one line, exit 1, and no data directory created', { timeout: TEST_BUDGET_MS }, async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '0.0.0.0', () => r()));
    const { port } = busy.address() as { port: number };
    const dataDir = path.join(dir, 'busy-port');
    try {
      const { code, out, err } = await startAndExit({ PORT: String(port), FRONTDESK_DATA_DIR: dataDir, FRONTDESK_EMBEDDED_PORT: String(await freePort()) });
      expect(code).toBe(1);
      expect(err.trim().split('\n'), err).toEqual([`Frontdesk could not start: Port ${port} is already in use: stop the other program or set PORT.`]);
      expect(out).toBe('');
      // Neither initdb nor a password file: the data directory was never made.
      await expect(stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      busy.close();
    }
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, a data directory the postgres user cannot reach: a clear message, exit 1, no stack trace, initdb not run',
    { timeout: TEST_BUDGET_MS },
    async () => {
      const closed = path.join(dir, 'home-0700');
      await mkdir(closed, { mode: 0o700 });
      await chmod(closed, 0o700);
      const dataDir = path.join(closed, 'data');
      const { code, err } = await startAndExit({ PORT: String(await freePort()), FRONTDESK_DATA_DIR: dataDir, FRONTDESK_EMBEDDED_PORT: String(await freePort()) });
      expect(code).toBe(1);
      expect(err).toContain(`"postgres" user, which cannot enter ${closed}`);
      expect(err).toContain('DATABASE_URL');
      expect(err).not.toMatch(STACK_FRAME);
      expect(err).not.toContain('EACCES');
      expect(await readdir(closed)).toEqual([]);
    },
  );
});

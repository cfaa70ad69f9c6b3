import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

// The processes of a multi-process installation, started the way an operator starts
// them: `src/main.ts` with FRONTDESK_WORKERS=off (HTTP only) and `src/cli/worker.ts`
// (jobs only), each a real child process on the same DATABASE_URL.

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Proc {
  name: string;
  child: ChildProcess;
  /** What it wrote to stdout and stderr, for a failure's message. */
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function spawnProc(name: string, script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { name, child, output: () => out };
}

/** An HTTP-only app process on `port`; resolves once its /readyz answers 200. */
export async function startApp(opts: { name: string; port: number; env: Record<string, string>; budgetMs: number }): Promise<Proc> {
  const proc = spawnProc(opts.name, 'src/main.ts', { ...opts.env, PORT: String(opts.port), FRONTDESK_WORKERS: 'off', FRONTDESK_SEED: 'none' });
  const deadline = Date.now() + opts.budgetMs;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${opts.name} exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${opts.name} not ready after ${opts.budgetMs} ms:\n${proc.output()}`);
    const ok = await fetch(`http://127.0.0.1:${opts.port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return proc;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A worker process (`npm run worker`). */
export function startWorkerProc(opts: { name: string; env: Record<string, string> }): Proc {
  return spawnProc(opts.name, 'src/cli/worker.ts', opts.env);
}

/** Stops a process with SIGTERM (a graceful stop) and resolves with its exit code. */
export function stopProc(p: Proc): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve(p.child.exitCode);
  return new Promise((resolve) => {
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });
}

/** Peak resident memory of a live process (VmHWM), in MB. */
export async function peakRssMb(p: Proc): Promise<number> {
  const status = await readFile(`/proc/${p.child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

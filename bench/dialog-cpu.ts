// CPU per conversation turn and per scripted dialog, the load-independent side of the
// SMS webhook's latency and of the dialog test's time: dialogs of the corpus run through
// the test runner (tests/conversation/support/dialog-runner.ts), with this process's CPU
// (process.cpuUsage) and the statements sent at the driver split by the dialog's phase
// (setup: fresh salon and existing bookings; turns: orchestrator.handle; judge: the end
// state), and the CPU of the database's server processes (/proc, Linux, when the server
// runs on this machine). The first dialogs warm up and are not counted.
//
//   npx tsx bench/dialog-cpu.ts [files=heldout5] [warmup=20]    (BENCH_DATABASE_URL or embedded)
//   PROFILE=out.cpuprofile writes a CPU profile of the measured dialogs only.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPool, createPrisma } from '../src/db/client.ts';
import { loadDialogs, runDialog, type DialogPhase } from '../tests/conversation/support/dialog-runner.ts';
import { benchDatabase, fmt, serverTicks, stopBenchServer } from './support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = (process.argv[2] ?? 'heldout5').split(',').filter(Boolean);
const WARMUP = Number(process.argv[3] ?? 20);

let phase: DialogPhase | 'idle' = 'idle';
const statements = { setup: 0, turns: 0, judge: 0, idle: 0 };
const turnStatements = new Map<string, number>();
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements[phase]++;
  if (phase === 'turns') {
    const q = args[0] as string | { text: string };
    const key = (typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').trim().slice(0, 60);
    turnStatements.set(key, (turnStatements.get(key) ?? 0) + 1);
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

const cpu = { setup: 0, turns: 0, judge: 0, idle: 0 };
let mark = process.cpuUsage();
/** Charges the CPU used since the last change to the phase that used it. */
function enter(next: DialogPhase | 'idle'): void {
  const used = process.cpuUsage(mark);
  cpu[phase] += (used.user + used.system) / 1000;
  mark = process.cpuUsage();
  phase = next;
}

const dialogs = loadDialogs(path.join(here, '..', 'tests', 'conversation', 'dialogs-tuning'), (file) => only.some((p) => file.includes(p)));
const database = await benchDatabase();
const db = createPrisma(database.url);
const pool = createPool(database.url, { max: 4 });
try {
  const run = async (list: typeof dialogs) => {
    let passed = 0;
    for (const { dialog } of list) if ((await runDialog({ db, pool }, dialog, { onPhase: enter })).failures.length === 0) passed++;
    enter('idle');
    return passed;
  };
  await run(dialogs.slice(0, WARMUP));
  const measured = dialogs.slice(WARMUP);
  const turns = measured.reduce((n, { dialog }) => n + dialog.turns.length, 0);
  for (const k of Object.keys(cpu) as Array<keyof typeof cpu>) {
    cpu[k] = 0;
    statements[k] = 0;
  }
  turnStatements.clear();
  const name = new URL(database.url).pathname.slice(1);
  const t0 = serverTicks(name);
  const profiler = process.env.PROFILE ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const passed = await run(measured);
  const used = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  if (profiler) writeFileSync(process.env.PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  const ticks = serverTicks(name) - t0;
  const n = measured.length;
  const total = cpu.setup + cpu.turns + cpu.judge + cpu.idle;
  console.log(`${n} dialogs (${only.join(',')}, after ${WARMUP} unmeasured), ${turns} turns, ${passed} passed, ${fmt(wall / 1000)} s wall`);
  console.log(`node cpu/dialog ${fmt(total / n, 2)} ms: setup ${fmt(cpu.setup / n, 2)}, turns ${fmt(cpu.turns / n, 2)}, judge ${fmt(cpu.judge / n, 2)}, between ${fmt(cpu.idle / n, 2)}`);
  console.log(`node cpu/turn ${fmt(cpu.turns / turns, 2)} ms`);
  console.log(`node cpu of the measured run: user ${fmt(used.user / 1e6, 2)} s, sys ${fmt(used.system / 1e6, 2)} s`);
  console.log(`server cpu/dialog ${fmt((ticks * 10) / n, 2)} ms (clock ticks of 10 ms)`);
  console.log(`statements/dialog: setup ${fmt(statements.setup / n, 2)}, judge ${fmt(statements.judge / n, 2)}; statements/turn ${fmt(statements.turns / turns, 2)}`);
  for (const [k, c] of [...turnStatements].sort((a, b) => b[1] - a[1])) console.log(`  ${fmt(c / turns, 3)}  ${k}`);
} finally {
  await pool.end();
  await db.$disconnect();
  await database.drop();
  await stopBenchServer();
}

// First: the figures are those of a process with production's V8 flags (src/v8-flags.ts),
// as they stand once a server is up.
import { youngGenerationMayGrow } from '../src/v8-flags.ts';
import os from 'node:os';
import { fmt, stopBenchServer } from './support.ts';

youngGenerationMayGrow();

// `npm run bench`: runs each bench module in turn; each prints its own figures.
// Add a module by appending its path here; it must export `run(): Promise<void>`.

const modules: Array<{ name: string; load: () => Promise<{ run(): Promise<void> }> }> = [
  { name: 'engine', load: () => import('./engine.ts') },
  { name: 'sms', load: () => import('./sms.ts') },
  { name: 'eval', load: () => import('./eval.ts') },
  { name: 'reminders', load: () => import('./reminders.ts') },
  { name: 'start', load: () => import('./start.ts') },
  { name: 'cluster', load: () => import('./cluster.ts') },
];

const only = process.argv.slice(2);
// Every figure below depends on what else the machine is doing: said once, before any of them.
console.log(`load average at the start: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')} (1, 5, 15 min) on ${os.cpus().length} cores`);
try {
  for (const m of modules) {
    if (only.length && !only.includes(m.name)) continue;
    console.log(`\n== ${m.name} ==`);
    await (await m.load()).run();
  }
} finally {
  await stopBenchServer();
}

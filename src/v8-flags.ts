import v8 from 'node:v8';

// Imported first by the production entries (main.ts, cli/worker.ts) and by the bench,
// so it runs before anything compiles WebAssembly or the start's allocations begin.
//
// Prisma 7 plans every query in a WebAssembly module (its 3.4 MB query compiler),
// compiled when the client connects. V8 compiles it with Liftoff, its baseline
// compiler, then recompiles the hot functions with TurboFan on background threads; the
// memory those compilations free stays in glibc's per-thread arenas. Measured on the
// built server after start with the demo data: 257 MB resident with the default,
// 171 MB with Liftoff only, and the first query after start 0.4–0.5 s instead of
// 0.8–1.4 s on a loaded 2-core machine (TurboFan competes for the cores). Slower
// planning in steady state did not show in the SMS bench (README, Performance: CPU of
// whole runs within noise of the default). V8 reads the flag when it compiles a
// module, so setting it here, before the first query, is enough.
v8.setFlagsFromString('--liftoff-only');

// V8's young generation starts small and doubles while much of it survives, as it does
// while ~900 modules load: it reached 32 MB during the start and stayed resident for
// the life of the server. It keeps its initial size until the server is up (the
// command line's --max-semi-space-size is fixed before any code runs; this factor is
// read at each resize): 167 -> 141 MB after start. Kept small for good, it cost the
// SMS bench about 10% more CPU (many more scavenges with 50 turns in flight), so
// youngGenerationMayGrow() gives V8 back its default once the server listens: the young
// generation then grows with the traffic, not with the start.
v8.setFlagsFromString('--semi-space-growth-factor=1');

/** V8's own growth factor (2), for after the start; see above. */
export function youngGenerationMayGrow(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=2');
}

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startFrontdesk, type Frontdesk } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Every ```sh block of README.md is executed here, so an example cannot rot.
//
// A block runs in bash (set -euo pipefail) from the repository root, against a
// server started as `npm start` starts it (startFrontdesk, demo data, generated
// admin token) on a fresh test database. Before running, these substitutions are made:
//   - `TOKEN=…` becomes the admin token that server generated and printed;
//   - `localhost:3000` becomes localhost:<the server's port>;
//   - `my-business.yaml` becomes a file in a temporary directory;
//   - `curl` fails on an HTTP error (--fail-with-body), as a reader would notice one;
//   - DATABASE_URL is the server's database, as `npm run chat` and `npm run seed`
//     beside `npm start` share its embedded one; stdin is CHAT_INPUT below.
// A line that cannot run inside a test (it installs, starts a second server or runs
// the suite) must be listed in ELSEWHERE with the test or CI step that runs it;
// any other line that fails, fails this test.

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where each README line that is not run here is run. */
const ELSEWHERE: Record<string, { by: string; proof: (read: (file: string) => Promise<string>) => Promise<void> }> = {
  'npm install && npm start': {
    by: '.ci/run (npm ci on a clean clone) and tests/e2e/start.test.ts (scripts/start.js, which `npm start` runs: it builds dist/ when stale and runs dist/main.js)',
    proof: async (read) => {
      expect(await read('.ci/run')).toMatch(/^npm ci\b/m);
      expect(JSON.parse(await read('package.json')).scripts.start).toBe('node scripts/start.js');
      expect(await read('tests/e2e/start.test.ts')).toContain("const NPM_START = ['scripts/start.js']");
    },
  },
  'npm test': { by: '.ci/run', proof: async (read) => expect(await read('.ci/run')).toMatch(/^npm test$/m) },
  'DATABASE_URL=postgresql://user:pass@host:5432/frontdesk npm start': {
    by: 'this file and tests/support/server.ts (the seed and Slack start tests): startFrontdesk with DATABASE_URL, as `npm start` runs it',
    proof: async (read) => expect(await read('tests/support/server.ts')).toContain('DATABASE_URL: t.url'),
  },
  'TEST_DATABASE_URL=postgresql://user@host:5432/postgres npm test': {
    by: '.ci/run (the database tests, against the system PostgreSQL)',
    proof: async (read) => expect(await read('.ci/run')).toMatch(/^\s*TEST_DATABASE_URL=\S+ npx vitest related tests\/support\/db\.ts --run\b/m),
  },
};

/** What the reader types into `npm run chat` in the "Try it" block: book the earliest haircut. */
const CHAT_INPUT = 'earliest haircut\n1\nno\nyes\n';

interface Block {
  heading: string;
  lines: string[];
}

/** The ```sh blocks of a Markdown text, each with the heading above it. */
export function shBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let heading = '';
  let open: Block | null = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push(open);
        open = null;
      } else open.lines.push(line);
    } else if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    else if (line.startsWith('```sh')) open = { heading, lines: [] };
  }
  return blocks;
}

/** The command of a line, without its trailing comment. */
const commandOf = (line: string) => line.replace(/\s+#\s.*$/, '').trim();

function substitute(line: string, values: { token: string; port: number; dir: string }): string {
  return line
    .replace(/^TOKEN=…/, `TOKEN='${values.token}'`)
    .replaceAll('localhost:3000', `localhost:${values.port}`)
    .replaceAll('my-business.yaml', path.join(values.dir, 'my-business.yaml'));
}

function bash(script: string, env: Record<string, string>, input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n${script}`], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', OPENAI_API_KEY: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

let t: TestDatabase;
let frontdesk: Frontdesk;
let dir: string;
let blocks: Block[];

beforeAll(async () => {
  blocks = shBlocks(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
  dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-readme-'));
  t = await createTestDatabase({ migrate: false });
  frontdesk = await startFrontdesk(loadConfig({ DATABASE_URL: t.url, PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
}, 120_000);
afterAll(async () => {
  await frontdesk?.stop();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('README.md', () => {
  it('has sh blocks, and every line in them is run here or names where it is run', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');
    const listed = blocks.flatMap((b) => b.lines.map(commandOf)).filter((c) => c in ELSEWHERE);
    for (const command of listed) await ELSEWHERE[command]!.proof(read);
    // A line removed from the README leaves a stale entry here: that fails too.
    expect(new Set(listed)).toEqual(new Set(Object.keys(ELSEWHERE)));
  });

  it('runs every other line of every sh block against a started server, in order', async () => {
    const token = frontdesk.adminToken.newToken!;
    expect(token).toBeDefined();
    const port = Number(new URL(frontdesk.url).port);
    const outputs = new Map<string, string>();
    for (const block of blocks) {
      const runnable = block.lines.filter((l) => commandOf(l) && !(commandOf(l) in ELSEWHERE));
      if (!runnable.length) continue;
      const script = runnable.map((l) => substitute(l, { token, port, dir })).join('\n');
      const { code, out } = await bash(script, { DATABASE_URL: t.url }, CHAT_INPUT);
      expect(code, `README block under "${block.heading}" failed:\n${script}\n---\n${out}`).toBe(0);
      outputs.set(block.heading, out);
    }
    expect([...outputs.keys()]).toEqual(['Two commands', 'Loading your own business', 'Ops dashboard', 'Outbound webhooks', 'Microsoft Teams']);
    // The first-start sign-in: a user made with the printed token signs in to the dashboard.
    expect(outputs.get('Ops dashboard')).toMatch(/\b303 \S+\/ops\/today$/m);
    // The chat booked through the SMS channel, and the outbox example shows its confirmation.
    expect(outputs.get('Two commands')).toMatch(/"to":"\+12015550123","body":"Booked: Women's haircut/);
    expect(outputs.get('Loading your own business')).toContain('(replacing "Maple & Main Hair Studio")');
    expect(await t.db.business.count()).toBe(1);
    // The subscription example answers with the secret, shown once.
    expect(outputs.get('Outbound webhooks')).toMatch(/"secret":"whsec_/);
    expect(outputs.get('Microsoft Teams')).toContain(`Wrote ${path.join(ROOT, 'build/frontdesk-teams.zip')}`);
  }, 300_000);
});

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLook, parseLine, wantsColour } from '../../src/cli/chat/terminal.ts';
import { runningEmbeddedPort } from '../../src/cli/database.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createSalon } from './support/fixture.ts';

// `npm run chat` with piped stdin (no TTY): every line is a message from the customer,
// the output is a transcript of what they would receive, every reply is in the
// outbox like any SMS reply, and the bookings land in the database.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PHONE = '+12015550177';
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await createSalon(app.ctx.db);
});
afterAll(() => app.close());

function runChat(args: string[], input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app.t.url, FRONTDESK_SEED: 'none', LOG_LEVEL: 'silent', OPENAI_API_KEY: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function outbox(to: string): Promise<Array<{ body: string; kind: string; status: string }>> {
  const res = await app.api(`/api/v1/outbox?to=${encodeURIComponent(to)}&limit=200`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ body: string; kind: string; status: string }> }).items;
}

// Each test starts `tsx src/cli/chat.ts` in a child, which compiles the CLI and what it imports
// first. In a CI run beside four busy processes on two cores one such start took over half a
// minute (a 60 s test of two starts timed out), so the bounds here catch a hang, not slowness.
const SPAWNING_TEST_MS = 240_000;

const ESC = '\u001b[';

it('books, reschedules and cancels from piped input, and every confirmation is in GET /api/v1/outbox', async () => {
  const lines = ['hi', 'earliest haircut', '1', 'yes', 'R', 'earliest', '1', 'yes', 'C', 'yes'];
  const { code, stdout, stderr } = await runChat(['--phone', PHONE], lines.join('\n') + '\n', { NO_COLOR: '1' });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  // A transcript: what the customer typed, then what the bot answered.
  expect(stdout).toContain('you> earliest haircut\nbot> ');
  expect(stdout).toContain('Bright Salon');
  expect(stdout).not.toContain(ESC);

  const appointments = await app.ctx.db.appointment.findMany({ include: { customer: true }, orderBy: { createdAt: 'asc' } });
  expect(appointments.map((a) => a.status)).toEqual(['canceled', 'canceled']);
  expect(appointments.every((a) => a.customer?.phone === PHONE)).toBe(true);
  expect(appointments[1]!.rescheduledFromId).toBe(appointments[0]!.id);

  const sent = await outbox(PHONE);
  expect(sent).toHaveLength(lines.length);
  expect(sent.every((m) => m.status === 'sent')).toBe(true);
  const bodies = sent.map((m) => m.body);
  expect(bodies.filter((b) => b.startsWith('Booked: Haircut'))).toHaveLength(1);
  expect(bodies.filter((b) => b.startsWith('Done: your Haircut is now'))).toHaveLength(1);
  expect(bodies.filter((b) => /canceled/i.test(b))).not.toHaveLength(0);
  // What the terminal showed is what the outbox holds.
  for (const b of bodies) expect(stdout).toContain(b.split('\n')[0]);
}, SPAWNING_TEST_MS);

it('answers /help, /reset and /quit itself, sending none of them to the bot', async () => {
  const phone = '+12015550178';
  const { code, stdout } = await runChat(['--phone', phone], 'earliest haircut\n/help\n/reset\n1\nyes\n/quit\nhi\n');
  expect(code).toBe(0);
  expect(stdout).toContain('/reset  forget this conversation');
  expect(stdout).toContain('Conversation reset.');
  // After /reset, "1" and "yes" no longer pick and confirm the first offer; after /quit, "hi" is never read.
  expect(await app.ctx.db.appointment.count({ where: { customer: { phone } } })).toBe(0);
  expect((await outbox(phone)).map((m) => m.body)).toHaveLength(3);
}, SPAWNING_TEST_MS);

it('refuses a phone number the admin API would refuse, saying why', async () => {
  for (const bad of ['555', '+15555550123']) {
    const { code, stderr } = await runChat(['--phone', bad], '');
    expect(code).toBe(1);
    expect(stderr).toContain('must be a valid phone number');
  }
}, SPAWNING_TEST_MS);

it('says what to do, without a stack trace, when it cannot reach the database', async () => {
  const { code, stderr } = await runChat(['--phone', PHONE], '', { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
  expect(code).toBe(1);
  expect(stderr).toContain('Could not open the PostgreSQL named by DATABASE_URL');
  expect(stderr).toContain('set DATABASE_URL');
  expect(stderr).not.toMatch(/\n\s+at /);
}, SPAWNING_TEST_MS);

/** Runs the chat in a pseudo-terminal (util-linux `script`), typing each line once the prompt is shown. */
function runInTerminal(lines: string[], env: Record<string, string>): Promise<string> {
  // Node reports a terminal under CI=true as colourless (tty getColorDepth): a user's terminal is not a CI log.
  const { CI: _ci, ...userEnv } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `${process.execPath} --import tsx src/cli/chat.ts --phone ${PHONE}`, '/dev/null'], {
      cwd: ROOT,
      env: { ...userEnv, DATABASE_URL: app.t.url, FRONTDESK_SEED: 'none', LOG_LEVEL: 'silent', OPENAI_API_KEY: '', TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let prompts = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const shown = out.split('you> ').length - 1;
      // Type the next line only when a new prompt has appeared: the reply to the last one is in.
      if (shown > prompts && lines.length) {
        prompts = shown;
        child.stdin.write(`${lines.shift()}\r`);
      }
    });
    // Without a prompt nothing is typed and the chat would wait forever: end it, and let the assertions say why.
    const stuck = setTimeout(() => child.kill(), SPAWNING_TEST_MS - 30_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(stuck);
      resolve(out);
    });
  });
}

const withoutEscapes = (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

it('in a terminal: a prompt, what you type echoed, and you and the bot in different colours', async () => {
  const out = await runInTerminal(['hi', '/quit'], {});
  const plain = withoutEscapes(out);
  expect(plain).toContain('Texting as +12015550177');
  expect(plain).toMatch(/you> hi\r*\n/);
  expect(plain).toContain('bot> Hi! This is Bright Salon.');
  expect(out).toContain(`${ESC}32m`);
  expect(out).toContain(`${ESC}36m`);
  const noColour = await runInTerminal(['hi', '/quit'], { NO_COLOR: '1' });
  expect(withoutEscapes(noColour)).toMatch(/you> hi\r*\n/);
  expect(noColour).not.toMatch(/\u001b\[3\dm/);
}, SPAWNING_TEST_MS);

describe('the terminal', () => {
  const tty = { isTTY: true, hasColors: () => true } as unknown as NodeJS.WriteStream;
  const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;

  it('colours only a colour terminal, and never with NO_COLOR', () => {
    expect(wantsColour(tty, {})).toBe(true);
    expect(wantsColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(pipe, {})).toBe(false);
    expect(createLook(true).bot('hi')).toContain(ESC);
    expect(createLook(false).bot('hi\nthere')).toBe('bot> hi\n     there');
  });

  it('tells commands from messages', () => {
    expect(parseLine('/quit')).toEqual({ kind: 'quit' });
    expect(parseLine(' /RESET ')).toEqual({ kind: 'reset' });
    expect(parseLine('/nope')).toEqual({ kind: 'unknown', name: '/nope' });
    expect(parseLine('book 3/4')).toEqual({ kind: 'message', text: 'book 3/4' });
  });
});

describe("sharing npm start's embedded database", () => {
  it('finds the port the running server really uses in its postmaster.pid', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-pid-'));
    try {
      expect(await runningEmbeddedPort(dataDir)).toBeNull();
      await mkdir(path.join(dataDir, 'pg'));
      // PostgreSQL's layout: pid, data directory, start time, port, socket directory, ...
      await writeFile(path.join(dataDir, 'pg', 'postmaster.pid'), `4242\n${dataDir}/pg\n1764640000\n54400\n/tmp\n127.0.0.1\n`);
      expect(await runningEmbeddedPort(dataDir)).toBe(54400);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

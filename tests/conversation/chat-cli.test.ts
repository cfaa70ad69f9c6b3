import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createSalon } from './support/fixture.ts';

// `npm run chat` with piped stdin (no TTY): every line is a message from the customer,
// the output is what they would receive, and the booking lands in the database.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createSalon(t.db);
});
afterAll(() => t.drop());

function runChat(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, FRONTDESK_SEED: 'none', LOG_LEVEL: 'silent', OPENAI_API_KEY: '' },
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

it('chats as the given phone number from piped input and books', async () => {
  const { code, stdout, stderr } = await runChat(['--phone', '+15555550177'], 'hi\nearliest haircut\n1\nyes\n');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('Bright Salon');
  expect(stdout).toMatch(/1\) \w{3} \w{3} \d+, \d+:\d\d [AP]M with (Dana|Lee)/);
  expect(stdout).toContain('Booked: Haircut');
  const appt = await t.db.appointment.findFirstOrThrow({ include: { customer: true } });
  expect(appt.customer?.phone).toBe('+15555550177');
  expect(appt.status).toBe('confirmed');
}, 60_000);

it('refuses a missing or malformed phone number', async () => {
  const { code, stderr } = await runChat(['--phone', '555'], '');
  expect(code).toBe(1);
  expect(stderr).toContain('E.164');
}, 60_000);

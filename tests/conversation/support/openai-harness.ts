import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { createModelProvider } from '../../../src/conversation/providers/index.ts';
import { createLogger } from '../../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { schedulerFor } from '../../support/scheduler.ts';
import { lastToolResult, startFakeOpenAI, type ChatRequest, type FakeOpenAI, type ScriptedReply } from './fake-openai.ts';
import { createSalon, wipe, type Fixture } from './fixture.ts';

// What every OpenAI provider test file shares: a fresh database with the salon, the fake
// OpenAI server driven by the current test's script, and the orchestrator wired to the
// real `openai` client pointed at that server. Call once at the top of a test file.

export const NOW = new Date('2026-12-01T14:00:00Z');
export const ME = '+15555550123';
export const OTHER = '+15555550999';
export const clock = () => new Date(NOW);

export interface OpenAIHarness {
  readonly t: TestDatabase;
  readonly fx: Fixture;
  readonly fake: FakeOpenAI;
  /**
   * Requests the client sent this test, counted on the client's side: a request aborted by
   * the timeout may never reach the server's log on a busy machine.
   */
  readonly attempts: number;
  /** The model's behaviour for the rest of the test. */
  script(s: (req: ChatRequest) => ScriptedReply): void;
  /** Provider settings default to a 5 s timeout and no retries, so a test opts into what it proves. */
  orchestrator(opts?: { timeoutMs?: number; maxRetries?: number; maxRetryWaitMs?: number }): Orchestrator;
  say(o: Orchestrator, text: string, phone?: string): ReturnType<Orchestrator['handle']>;
  press(o: Orchestrator, choiceValue: string, phone?: string): ReturnType<Orchestrator['handle']>;
  bookExisting(phone: string, startIso: string): Promise<string>;
  counts(): Promise<{ appointments: number; holds: number; customers: number }>;
}

export function useOpenAIHarness(): OpenAIHarness {
  let t: TestDatabase;
  let fx: Fixture;
  let fake: FakeOpenAI;
  let current: (req: ChatRequest) => ScriptedReply = () => ({ text: 'unexpected request' });
  let attempts = 0;
  const countingFetch: typeof fetch = (input, init) => {
    attempts++;
    return fetch(input, init);
  };
  beforeAll(async () => {
    t = await createTestDatabase();
    fake = await startFakeOpenAI((req) => current(req));
  });
  afterAll(async () => {
    await fake.close();
    await t.drop();
  });
  beforeEach(async () => {
    await wipe(t.db);
    fx = await createSalon(t.db);
    fake.requests.length = 0;
    attempts = 0;
  });
  afterEach(() => {
    current = () => ({ text: 'unexpected request' });
  });
  return {
    get t() {
      return t;
    },
    get fx() {
      return fx;
    },
    get fake() {
      return fake;
    },
    get attempts() {
      return attempts;
    },
    script(s) {
      current = s;
    },
    orchestrator(opts = {}) {
      const provider = createModelProvider(
        { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: opts.timeoutMs ?? 5000 },
        { maxRetries: opts.maxRetries ?? 0, maxRetryWaitMs: opts.maxRetryWaitMs, fetch: countingFetch },
      );
      return createOrchestrator({ db: t.db, scheduler: schedulerFor(t, clock), clock, log: createLogger('silent'), provider });
    },
    say: (o, text, phone = ME) => o.handle({ channel: 'sms', senderIdentity: phone, text }),
    press: (o, choiceValue, phone = ME) => o.handle({ channel: 'sms', senderIdentity: phone, text: '', choiceValue }),
    async bookExisting(phone, startIso) {
      const customer = await t.db.customer.upsert({ where: { phone }, create: { phone }, update: {} });
      const r = await schedulerFor(t, clock).book({
        service: fx.services.haircut,
        start: new Date(startIso),
        resourceId: fx.staff.dana,
        customerId: customer.id,
        channel: 'api',
        actor: { type: 'system' },
      });
      if (!r.ok) throw new Error('fixture booking failed');
      return r.appointment.id;
    },
    async counts() {
      return { appointments: await t.db.appointment.count(), holds: await t.db.hold.count(), customers: await t.db.customer.count() };
    },
  };
}

/** The offer_id of the offer whose label has `timeLabel`, from the last find_slots result the model saw. */
export function offerFor(req: ChatRequest, timeLabel: string): string {
  const offers = (lastToolResult(req, 'find_slots')?.offers ?? []) as Array<{ offer_id: string; label: string }>;
  const offer = offers.find((o) => o.label.includes(timeLabel));
  if (!offer) throw new Error(`no offer at ${timeLabel}`);
  return offer.offer_id;
}

/** The first appointment_ref of the last list_my_appointments result the model saw. */
export function firstRef(req: ChatRequest): string {
  const listed = (lastToolResult(req, 'list_my_appointments')?.appointments ?? []) as Array<{ appointment_ref: string }>;
  if (!listed[0]) throw new Error('no appointment listed');
  return listed[0].appointment_ref;
}

/** The model texts the orchestrator withheld, as its transcript rows record them (sorted: a turn's rows share a timestamp). */
export async function withheldTexts(t: TestDatabase): Promise<string[]> {
  const rows = await t.db.message.findMany({ where: { role: 'tool' } });
  return rows
    .filter((m) => JSON.stringify(m.toolCalls ?? null).includes('withhold_model_text'))
    .map((m) => String((m.toolResult as { withheldText?: string } | null)?.withheldText ?? ''))
    .sort();
}

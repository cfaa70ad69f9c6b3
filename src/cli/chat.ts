import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { renderReply } from '../channels/sms/render.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { ConversationChannel } from '../conversation/contract.ts';
import { createOrchestrator } from '../conversation/orchestrator.ts';
import { createModelProvider } from '../conversation/providers/index.ts';
import { createPool, createPrisma } from '../db/client.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { createSchedulingStore } from '../db/scheduling-store.ts';
import { migrate } from '../db/migrate.ts';
import { systemClock } from '../engine/clock.ts';
import { createScheduler } from '../engine/scheduler.ts';
import { createLogger } from '../log.ts';
import { seedDemoIfEmpty } from '../seed/demo.ts';

// `npm run chat -- --phone +15555550123`: talk to the bot as that customer, against the
// database the server uses (DATABASE_URL, else the embedded one). Each line read from
// stdin is one inbound message; what is printed is exactly what the customer would
// receive by SMS. Works interactively and with piped input (no TTY).

const USAGE = 'Usage: npm run chat -- --phone +15555550123 [--channel sms|web]';

let args;
try {
  args = parseArgs({ options: { phone: { type: 'string' }, channel: { type: 'string', default: 'sms' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(1);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const phone = args.phone?.trim();
const channel = args.channel as ConversationChannel;
if (!phone || !/^\+[1-9]\d{6,14}$/.test(phone)) {
  console.error(`--phone must be an E.164 number such as +15555550123.\n${USAGE}`);
  process.exit(1);
}
if (channel !== 'sms' && channel !== 'web') {
  console.error(`--channel must be sms or web.\n${USAGE}`);
  process.exit(1);
}

let database: DatabaseHandle | undefined;
let exitCode = 0;
try {
  const config = loadConfig();
  // The terminal is the conversation: routine logs would drown it.
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  database = await openDatabase(config, log);
  await migrate(database.url);
  const db = createPrisma(database.url);
  const pool = createPool(database.url);
  try {
    if (config.FRONTDESK_SEED === 'demo') await seedDemoIfEmpty(db, systemClock());
    const scheduler = createScheduler(createSchedulingStore(pool), systemClock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    const provider = createModelProvider(config);
    const orchestrator = createOrchestrator({ db, scheduler, clock: systemClock, log, provider, holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    const interactive = Boolean(process.stdin.isTTY);
    if (interactive) console.log(`Chatting as ${phone} (${provider.name}, ${database.description}). Ctrl-D to quit.`);
    const rl = createInterface({ input: process.stdin, terminal: interactive });
    if (interactive) rl.setPrompt('you> ');
    if (interactive) rl.prompt();
    let n = 0;
    for await (const line of rl) {
      n++;
      const reply = await orchestrator.handle({ channel, senderIdentity: phone, text: line, externalId: `cli-${Date.now()}-${n}` });
      const body = channel === 'sms' ? renderReply(reply) : reply.messages.join('\n');
      console.log(interactive ? `bot> ${body.replace(/\n/g, '\n     ')}` : body);
      if (!interactive) console.log('');
      if (interactive) rl.prompt();
    }
  } finally {
    await pool.end();
    await db.$disconnect();
  }
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  exitCode = 1;
} finally {
  await database?.stop();
}
process.exit(exitCode);

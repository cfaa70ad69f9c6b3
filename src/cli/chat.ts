import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { phone as phoneSchema } from '../api/schemas/common.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createAppContext, smsNotifierOf, type AppContext } from '../context.ts';
import { createOrchestrator } from '../conversation/orchestrator.ts';
import { createModelProvider } from '../conversation/providers/index.ts';
import { createPool, createPrisma } from '../db/client.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createSchedulingStore } from '../db/scheduling/store.ts';
import { systemClock } from '../engine/clock.ts';
import { createScheduler } from '../engine/scheduler.ts';
import { createLogger } from '../log.ts';
import { seedDemoIfEmpty } from '../seed/demo.ts';
import { createChatSession, type ChatSession } from './chat/session.ts';
import { createLook, HELP, parseLine, wantsColour, type Look } from './chat/terminal.ts';
import { DatabaseUnavailable, openSharedDatabase } from './database.ts';

// `npm run chat -- --phone +12015550123`: text the bot as that customer from the
// terminal, on the database the server uses (see ./database.ts). Interactive in a
// terminal (prompt, line editing, history); with piped input it prints a transcript.

const EXAMPLE_PHONE = '+12015550123';
const USAGE = `Usage: npm run chat -- --phone ${EXAMPLE_PHONE}`;

let args;
try {
  args = parseArgs({ options: { phone: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(1);
}
if (args.help) {
  console.log(`${USAGE}\n\n${HELP}`);
  process.exit(0);
}
// The same rule as the admin API's, so every number the chat accepts can be looked up in the outbox.
const parsedPhone = phoneSchema.safeParse(args.phone ?? '');
if (!parsedPhone.success) {
  console.error(`--phone ${parsedPhone.error.issues[0]!.message}.\n${USAGE}`);
  process.exit(1);
}
const phone = parsedPhone.data;

async function converse(session: ChatSession, look: Look, interactive: boolean): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, historySize: 100 });
  rl.setPrompt(look.you);
  const ask = () => interactive && rl.prompt();
  ask();
  for await (const line of rl) {
    // Piped input is not echoed by a terminal: print it, so the output reads as a chat.
    if (!interactive) console.log(`${look.you}${line}`);
    const command = parseLine(line);
    if (command.kind === 'quit') break;
    if (command.kind === 'help') console.log(look.note(HELP));
    else if (command.kind === 'unknown') console.log(look.note(`Unknown command ${command.name}; /help lists them.`));
    else if (command.kind === 'reset') {
      await session.reset();
      console.log(look.note('Conversation reset.'));
    } else if (command.text.trim()) {
      const reply = await session.say(command.text);
      console.log(reply === null ? look.note('(no reply: nothing is sent to this number, e.g. after STOP)') : look.bot(reply));
    }
    if (!interactive) console.log('');
    ask();
  }
  rl.close();
}

let database: DatabaseHandle | undefined;
let exitCode = 0;
try {
  const config = loadConfig();
  // The terminal is the conversation: routine logs would drown it.
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  database = await openSharedDatabase(config, log);
  const db = createPrisma(database.url);
  const pool = createPool(database.url);
  try {
    if (config.FRONTDESK_SEED === 'demo') await seedDemoIfEmpty(db, systemClock());
    const scheduler = createScheduler(createSchedulingStore(pool), systemClock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    const ctx: AppContext = createAppContext({ config, db, log, clock: systemClock, scheduler }, (c) => [smsNotifierOf(c)]);
    const provider = createModelProvider(config);
    const orchestrator = createOrchestrator({ db, scheduler, clock: systemClock, log, provider, holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const look = createLook(wantsColour(process.stdout, process.env));
    if (interactive) console.log(look.note(`Texting as ${phone} (${provider.name} model, ${database.description}). /help for commands, /quit to leave.`));
    await converse(createChatSession({ ctx, orchestrator, phone }), look, interactive);
  } finally {
    await pool.end();
    await db.$disconnect();
  }
} catch (e) {
  if (!(e instanceof ConfigError || e instanceof DatabaseUnavailable)) throw e;
  console.error(e.message);
  exitCode = 1;
} finally {
  await database?.stop();
}
process.exit(exitCode);

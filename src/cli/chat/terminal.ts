import { styleText } from 'node:util';

// How the chat looks: who said what, coloured only when a person is looking at a
// terminal that shows colours and has not asked for none (NO_COLOR, see no-color.org).

export interface Look {
  /** The prompt before what the customer types. */
  you: string;
  /** One bot reply, label and indented continuation lines. */
  bot(text: string): string;
  note(text: string): string;
}

export function wantsColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY && stream.hasColors?.());
}

export function createLook(colour: boolean): Look {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(format, text) : text);
  return {
    you: paint(['bold', 'green'], 'you> '),
    bot: (text) => `${paint(['bold', 'cyan'], 'bot> ')}${text.replace(/\n/g, '\n     ')}`,
    note: (text) => paint('dim', text),
  };
}

export const HELP = [
  'Type as the customer would text. Commands:',
  '  /help   this list',
  '  /reset  forget this conversation (offers, pending confirmation) and start over',
  '  /quit   leave (Ctrl-D works too)',
  'Replies are recorded in the outbox like any SMS: GET /api/v1/outbox?to=<your --phone>.',
].join('\n');

export type Command = { kind: 'help' } | { kind: 'reset' } | { kind: 'quit' } | { kind: 'unknown'; name: string } | { kind: 'message'; text: string };

/** A line starting with "/" is a command for the chat itself, never sent to the bot. */
export function parseLine(line: string): Command {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return { kind: 'message', text: line };
  const name = trimmed.slice(1).split(/\s+/)[0]!.toLowerCase();
  if (name === 'help' || name === '?') return { kind: 'help' };
  if (name === 'reset') return { kind: 'reset' };
  if (name === 'quit' || name === 'exit') return { kind: 'quit' };
  return { kind: 'unknown', name: trimmed.split(/\s+/)[0]! };
}

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConversationChannel } from '../contract/conversation.ts';

// Prompts are plain files under prompts/ so they can be reviewed and diffed like code.
// The version stored on each turn is VERSION plus a hash of the files: a transcript
// names exactly the text the model saw, even if someone forgot to bump VERSION.

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface PromptSet {
  version: string;
  system: string;
  channels: Partial<Record<ConversationChannel, string>>;
}

export function loadPrompts(dir = PROMPTS_DIR): PromptSet {
  const read = (p: string) => readFileSync(path.join(dir, p), 'utf8');
  const system = read('system.md');
  const channels: PromptSet['channels'] = {};
  const hash = createHash('sha256').update(system);
  for (const file of readdirSync(path.join(dir, 'channels')).sort()) {
    if (!file.endsWith('.md')) continue;
    const text = read(path.join('channels', file));
    channels[file.slice(0, -3) as ConversationChannel] = text;
    hash.update(file).update(text);
  }
  const version = `${read('VERSION').trim()}+${hash.digest('hex').slice(0, 8)}`;
  return { version, system, channels };
}

export function renderSystemPrompt(prompts: PromptSet, channel: ConversationChannel, vars: Record<string, string>): string {
  const body = prompts.system.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  const style = prompts.channels[channel];
  return style ? `${body}\n${style}` : body;
}

import { plain } from './words.ts';

// The e-mail address in an answer with words around it ("its jo@example.com thanks",
// "jo @ example.com", "jo at example dot com"). Two different addresses name none.

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;

export function findEmail(text: string): string | undefined {
  const s = plain(text)
    .replace(/\s*@\s*/g, '@')
    // Spoken forms: "jo at example dot com"; a dot needs a known-looking ending after it.
    .replace(/([a-z0-9._%+-]+) (?:at|\(at\)|\[at\]) ([a-z][a-z0-9-]*(?: ?(?:\.|dot) ?[a-z0-9-]+)*(?: ?(?:\.|dot) ?[a-z]{2,}))\b/g, (_, user: string, host: string) => `${user}@${host.replace(/ ?(?:\.|\bdot\b) ?/g, '.')}`);
  const found = [...new Set(s.match(EMAIL) ?? [])];
  return found.length === 1 ? found[0] : undefined;
}

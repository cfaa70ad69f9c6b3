// Carrier-mandated keywords. They are recognised only as the whole message
// (trimmed, any case, trailing punctuation ignored) and before any language
// understanding, so "cancel my appointment" still reaches the orchestrator while
// a bare "CANCEL" always unsubscribes, as the carriers and Twilio treat it.

export type KeywordAction = 'opt_out' | 'opt_in' | 'help';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const OPT_IN = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

function canonical(text: string): string {
  return text.trim().replace(/[.!\s]+$/u, '').toUpperCase();
}

/**
 * `YES` opts in only when the customer is opted out; otherwise it is an ordinary
 * confirmation for the orchestrator.
 */
export function classifyKeyword(text: string, optedOut: boolean): KeywordAction | null {
  const word = canonical(text);
  if (OPT_OUT.has(word)) return 'opt_out';
  if (OPT_IN.has(word) || (optedOut && word === 'YES')) return 'opt_in';
  if (HELP.has(word)) return 'help';
  return null;
}

/** True when a reply option would be read as a carrier keyword if the customer typed it back. */
export function isReservedWord(value: string): boolean {
  const word = canonical(value);
  return OPT_OUT.has(word) || OPT_IN.has(word) || HELP.has(word);
}

// Carrier opt-out words (Twilio defaults). Customers must never be told to send one of
// them on its own: a bare CANCEL meant as "cancel my appointment" would unsubscribe them.
export const OPT_OUT_WORDS = ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit'];

const words = OPT_OUT_WORDS.join('|');
/** "reply CANCEL", "text STOP", "send 'end'", "type quit" … */
export const OPT_OUT_INSTRUCTION = new RegExp(`\\b(reply|replying|text|texting|send|sending|type|typing|respond|answer|say)\\s+(with\\s+)?["'“‘(]?(${words})\\b(?!\\s+(my|your|the|it|this|an?)\\b)`, 'i');
/** The words written as commands (upper case) anywhere. */
export const OPT_OUT_SHOUTED = new RegExp(`\\b(${words.toUpperCase()})\\b`);

export function optOutProblems(text: string): string[] {
  const problems: string[] = [];
  const m = OPT_OUT_INSTRUCTION.exec(text);
  if (m) problems.push(`instructs to send "${m[0]}"`);
  const s = OPT_OUT_SHOUTED.exec(text);
  if (s) problems.push(`contains the command word "${s[0]}"`);
  return problems;
}

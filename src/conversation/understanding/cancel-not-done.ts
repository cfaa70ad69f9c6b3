// A cancel thought of and dropped in the same text: "i was gonna cancel sat but nah, can i
// come an hour later instead", "was about to cancel my cut but actually could u push it to
// 4", "thought about cancelling friday but i'd rather move it". The cancel word names the
// booking, yet nothing is canceled: the text is said as "don't cancel sat," so the rules read
// a refused change (index.ts keptThenAsked) and the request after it, about that booking, goes
// on. "i was going to cancel online but the site wouldn't let me" takes nothing back: a cancel.
import { DROP_VERB } from './cancel-verbs.ts';
import { normalize } from './text.ts';

/** "i was gonna", "we're about to", "thought about", "almost": a cancel only meant or nearly done. */
const MEANT = String.raw`(?:(?:i |we )?(?:was|were|am|'?m|im|are|'?re) (?:gonna|going to|gunna|about to|planning (?:to|on)|thinking (?:of|about)|meaning to|tempted to|fixing to|ready to)|(?:i |we )?(?:thought about|thought of|considered|almost|nearly|wanted to|was gonna|was going to))`;
const CANCEL_VERB = String.raw`(?:cancel\w*|call(?:ing)? (?:it |that )?off|${DROP_VERB}|bail\w*(?: on)?|skip\w*)`;
/** What takes the cancel back right after "but": "nah", "nvm", "actually", "changed my mind", "i'd rather". */
// "but nvm lol, see u then", "but never mind, all good": the cancel let go of, the booking kept.
const TAKEN_BACK = String.raw`(?:nah|no|nope|nvm|nevermind|never ?mind|n/m|jk|j/k|just kidding|forget (?:it|that)|scratch that|all good|(?:it'?s|its) (?:fine|ok|okay|all good)|actually|(?:i )?changed my mind|on second thought|then again|(?:i )?decided (?:not to|against it)|(?:i'?d|id|i would) rather|rather|not anymore)\b`;
const NOT_DONE = new RegExp(
  String.raw`\b${MEANT} ${CANCEL_VERB}\b(?<booking>[^,.;!?]*?)[ ,.;!-]*\bbut\b(?:[ ,.;!-]*${TAKEN_BACK}[ ,.;!-]*|(?=.*\b(?:instead|rather)\b))`,
);

/** The text with a cancel taken back said as "don't cancel <booking>,"; unchanged when it takes back none. */
export function cancelNotDone(text: string): string {
  const s = normalize(text);
  const m = NOT_DONE.exec(s);
  if (!m) return text;
  const booking = (m.groups?.booking ?? '').trim();
  return `${s.slice(0, m.index)}don't cancel${booking ? ` ${booking}` : ''}, ${s.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
}

// "actually hold off, let me check my work schedule first. dont book it yet", "ok but not yet",
// "sure, hold on let me check my calendar": an answer to a yes/no that holds it off. Whatever
// yes came first ("ok", "sure", or the "book it" inside "dont book it yet"), the customer has
// not agreed: nothing is booked on it. Two kinds of hold:
//   - a deferral ("hold off", "not yet", "dont book it yet", "before you book it, let me check",
//     "till i ask my boss", "need to check first"): the question is put off, so it reads as a no;
//   - a pause ("hold on", "wait", "one sec", "let me check my calendar"): no answer at all, when
//     it ends the text or waits for a check ("sure, hold on let me ask my wife").
// A yes said after the hold ("wait.. ok yes book it", "hold on - yep that works") is the answer.

// What the customer might hold off: booking it, confirming it, going ahead.
const BOOKING_VERB = String.raw`(?:book|confirm|lock|reserve|schedule|finali[sz]e|go ahead|put (?:me|it) (?:in|down)|do (?:it|that|this))`;
// What they will do before answering: check, ask, see, find out.
const CHECK_VERB = String.raw`(?:check|ask|see|look|confirm|talk|speak|find out|make sure|hear back)`;

const DEFERS = new RegExp(
  [
    // "hold off", "im gonna hold off on it"
    String.raw`\bhold(?:ing)? off\b`,
    // "not yet", "not just yet"
    String.raw`\bnot (?:just )?yet\b`,
    // "dont book it yet", "please don't confirm till i check", "do not lock it in for now"
    String.raw`\b(?:don'?t|do not|pls don'?t|please don'?t|no need to)(?: \w+)? ${BOOKING_VERB}\b.*\b(?:yet|for now|til|till|until|before)\b`,
    // "before you book it", "before u confirm"
    String.raw`\bbefore (?:you|u|we|ya)(?: \w+)? ${BOOKING_VERB}\b`,
    // "till i check my schedule", "until i ask my boss", "once i know my shifts"
    String.raw`\b(?:til|till|until|once) i(?: \w+)?(?: ${CHECK_VERB}| know| hear)\b`,
    // "let me check my work schedule first", "need to ask my wife first"
    String.raw`\b(?:let me|lemme|i need to|need to|i have to|have to|i gotta|gotta|i should|i must|i want to)(?: double| quickly| just)? ${CHECK_VERB}\b.*\bfirst\b`,
    // "i'll let you know", "will get back to you later" (not "i'll let you know if anything changes")
    String.raw`\b(?:i'?ll|ill|i will|will|let me) (?:let (?:you|u) know|get back to (?:you|u))(?:$| later| tomorrow| tonight| soon| when| once| after| in a| by)`,
  ].join('|'),
);

const PAUSES = new RegExp(
  [
    // "wait", "w8", but not "can't wait", "the wait", "wait time", "waitlist"
    String.raw`(?<!\b(?:can'?t|cant|cannot|not|the|a|to|no) )\b(?:wait|w8)\b(?! (?:time|list)\b)`,
    // "hold on", "hang on", "hold up", but not "hold on to that slot"
    String.raw`\b(?:hold|hang) on\b(?! ?to\b)|\bhold up\b|\bhold that thought\b`,
    String.raw`\b(?:one|1|just a|gimme a|give me a) (?:sec|secs|second|moment|min|minute)\b`,
    String.raw`\b(?:let me|lemme) (?:double |quickly |just )?check\b`,
  ].join('|'),
);

// A question asked after the hold: "how much is it", "whats the address", "do you take cards".
const ASKED = /\b(?:how much|how long|what'?s|whats|what is|where|when is|which|who|is there|do you|does it|can you|could you)\b/;
// What a pause after a yes waits for: "ok hold on, let me check my calendar", "sure, wait, let me ask my wife".
const CHECKING = new RegExp(String.raw`\b${CHECK_VERB}\b|\bthink\b`);

/** The hold that decides (the last deferral, else the last pause) and the words after it; undefined when none. */
function lastHold(s: string): { kind: 'defers' | 'pauses'; after: string } | undefined {
  let last: { kind: 'defers' | 'pauses'; end: number } | undefined;
  for (const [kind, re] of [['defers', DEFERS], ['pauses', PAUSES]] as const) {
    for (const m of s.matchAll(new RegExp(re.source, 'g'))) {
      const end = m.index + m[0].length;
      // A deferral outweighs a pause in the same text ("hold on, not yet"), wherever each is.
      if (!last || (kind === 'defers' && last.kind === 'pauses') || (kind === last.kind && end > last.end)) last = { kind, end };
    }
  }
  return last && { kind: last.kind, after: s.slice(last.end) };
}

/**
 * A yes read from the text, checked against a hold: "ok hold on" and "sure but not yet" are no
 * yes. A deferral answers no; a pause answers nothing; a yes said after the hold stays a yes.
 * `answerOf` reads the words after the hold, which are always fewer.
 */
export function yesUnlessHeld(s: string, answerOf: (text: string) => 'yes' | 'no' | undefined): 'yes' | 'no' | undefined {
  const hold = lastHold(s);
  if (!hold) return 'yes';
  if (answerOf(hold.after.trim()) === 'yes') return 'yes';
  // "before you book it, how much is it?": put off for a question, which is no answer either.
  if (hold.kind === 'defers') return ASKED.test(hold.after) ? undefined : 'no';
  // "yep sounds good, one sec let me grab my card": the pause is for something else; the yes stands.
  const paused = s.slice(PAUSES.exec(s)?.index ?? 0);
  return hold.after.trim() === '' || CHECKING.test(paused) ? undefined : 'yes';
}

/** "hold off for now", "not yet, let me check with my boss first": the answer put off, with no yes after. */
export function defersAnswer(s: string, answerOf: (text: string) => 'yes' | 'no' | undefined): boolean {
  const hold = lastHold(s);
  return hold?.kind === 'defers' && answerOf(hold.after.trim()) !== 'yes';
}

/** "not yet... wait ok yes go ahead": the deferral taken back by a yes said after it. */
export function yesAfterDeferral(s: string, answerOf: (text: string) => 'yes' | 'no' | undefined): boolean {
  const hold = lastHold(s);
  return hold?.kind === 'defers' && hold.after.trim() !== '' && answerOf(hold.after.trim()) === 'yes';
}

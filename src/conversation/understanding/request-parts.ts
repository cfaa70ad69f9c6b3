// Where one request of a text ends and the next begins: "move it to friday and what's your
// address", "whats your policy? and the address". The readers of two requests in one text
// (two-requests.ts, two-questions.ts) try each split in turn.

// Where one request ends and the next begins; the words that open the second are dropped.
// "two and a half hours" is one amount, not two requests.
// "cancel my cut fri but book my daughter one sat": "but" before a request verb opens a second request
// ("but keep monday", "but not too early" say nothing of their own, and stay with the first).
const SEPARATOR = /\?+|[,;.!+&]+ *(?:and |also |plus |oh and )?|\b(?:and(?! a half\b)|also|plus) (?:also |then |tell me |can you tell me |let me know )?|\bbut (?:then |also )?(?=(?:(?:please|pls|plz|can you|could you|can u|could u) )?(?:book|add|schedule|move|reschedule|push|cancel)\b)/g;

/** Every way the text splits in two at a separator, both parts said (the separator's words dropped). */
export function* splits(text: string): Generator<{ head: string; tail: string }> {
  for (const m of text.toLowerCase().matchAll(SEPARATOR)) {
    const head = text.slice(0, m.index).trim();
    const tail = text.slice(m.index + m[0].length).trim();
    if (head && tail) yield { head, tail };
  }
}


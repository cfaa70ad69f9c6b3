import { randomInt } from 'node:crypto';

// Short ids the customer and the model can repeat (offers, proposals, appointment refs):
// four characters without look-alikes (no I, O, 0, 1).

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function shortId(taken: Set<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 4; i++) id += ALPHABET[randomInt(ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

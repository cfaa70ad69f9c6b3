// "do u guys sell gift cards?", "can i buy a gift certificate for my mom": buying one is a
// question only the team can answer (the bot knows no gift-card stock or prices), so the
// reply is how to reach them; it hands nothing off, and a request beside it goes on. Paying
// with one stays a matter for a person (needs-staff.ts). Read on the simplified text.

const BUYS = /\b(sell|sells|selling|buy|buying|purchase|purchasing|get|order|offer|do|have)( any)? (a |an |any |some )?(gift ?(cards?|certificates?)|vouchers?)\b/;

/** The message asks whether or how a gift card can be bought. */
export function asksGiftCards(s: string): boolean {
  return BUYS.test(s);
}

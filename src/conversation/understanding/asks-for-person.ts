// Asking for a person in other words than "agent" or "talk to someone": someone at the
// business asked to reach the customer ("could someone from the salon give me a call",
// "can dana text me back herself"), a question of who to turn to ("who can i talk to about
// that?"), and a message in another language, which the offline bot cannot serve. Each is a
// hand-off to staff; the bot's own messages ("can you text me the address") are not.

const REACH = String.raw`(?:call|phone|ring|text|message|msg|email|e-mail|contact|reach out to|reach|get back to|get in touch with|get a ?hold of|touch base with|follow up with)`;
// Whoever is asked, in up to five words, as long as it is not the bot or the booking itself.
const ASKER = String.raw`\b(?:can|could|would|will|have|get|ask|pls|please|need|want)`;
const NOT_THE_BOT = String.raw`(?!(?:you|u|ya|y'?all|it|this|that|the (?:bot|app|system|reminder|confirmation))\b)`;
const SOMEONE_REACHES_ME = new RegExp(String.raw`${ASKER} ${NOT_THE_BOT}(?:[a-z']+ ){1,5}?${REACH} me\b`);
const GIVE_ME_A_CALL = /\b(give|send) me a (call|ring|buzz|phone call)\b/;
const WHO_TO_ASK = /\bwho (can|could|should|do|would|shall) (i|we) (talk|speak|chat|reach out) (to|with)\b|\bwho (can|could|should|do) (i|we) (call|contact|ask|reach)\b|\bis there (someone|anyone|somebody|a person) (i|we) (can|could) (talk|speak|chat) (to|with)\b/;
// "can an employee help me with that", "could one of your staff help": help from a person, not the bot.
const STAFF_HELP = /\b(can|could|would|will) (an?|one of (the|your)|some|your) (employee|staff( member)?|worker|team member|human|real person)s? (there )?(help|assist|sort)\b|\b(need|want) (an?|some) (employee|staff member|human)('?s)? (help|to help)\b/;
const GET_ME_SOMEONE = /\b(get|put) me (through to )?(someone|somebody|a person|a human|an actual person|a real person|the owner|the manager)\b|\b(someone|somebody|anyone|a person) (who|that) (actually )?works (there|here|at)\b/;

// Common words of the languages customers most often write in besides English. A message
// mostly made of them is not English, whatever it asks.
const FOREIGN = new Set([
  // Spanish
  'hola', 'quiero', 'quisiera', 'puedo', 'puede', 'hablar', 'habla', 'hablo', 'necesito', 'cita', 'gracias', 'por', 'favor', 'una', 'persona', 'ingles', 'espanol', 'usted', 'quien', 'donde', 'cuando', 'manana', 'para', 'bien', 'con', 'el', 'los', 'las', 'que', 'mi', 'es', 'buenos', 'dias', 'tardes', 'senor', 'senora', 'alguien',
  // French
  'bonjour', 'je', 'voudrais', 'parler', 'avec', 'une', 'personne', 'anglais', 'merci', 'pouvez', 'vous', 'parle', 'rendez', 'quelqu', 'pas', 'est', 'suis', 'oui', 'nous',
  'plait', 'pour', 'il', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'demain', 'aujourd', 'hui', 'coupe', 'cheveux',
  // Days and words of an appointment in Spanish
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'hoy', 'corte', 'pelo',
  // Portuguese and Italian
  'ola', 'falar', 'com', 'uma', 'pessoa', 'obrigado', 'obrigada', 'voce', 'ciao', 'vorrei', 'parlare', 'inglese', 'grazie', 'sono', 'posso',
  // German
  'ich', 'mochte', 'sprechen', 'mit', 'einer', 'englisch', 'bitte', 'danke', 'termin', 'nicht', 'kann', 'guten', 'tag',
]);
const NO_ENGLISH = /\b(no|don'?t|dont|not) (speak|talk|understand) (much |good |very well )?english\b|\b(speaks?|speaking|habla|parle) (spanish|espanol|french|francais|portuguese|chinese|mandarin|cantonese|vietnamese|korean|arabic|russian)\b/;

/** "have someone call me", "who can i talk to about that?", "no hablo ingles": a person is wanted. */
export function asksForPerson(s: string): boolean {
  return SOMEONE_REACHES_ME.test(s) || GIVE_ME_A_CALL.test(s) || WHO_TO_ASK.test(s) || GET_ME_SOMEONE.test(s) || STAFF_HELP.test(s) || NO_ENGLISH.test(s);
}

/** At least three words, most of them common words of another language; read on the text before typo correction. */
export function inOtherLanguage(s: string): boolean {
  // "quelqu'un", "s'il", "c'est": the elided words count on their own.
  const all = s.split(/[^a-z]+/).filter((w) => w.length > 0);
  if (all.length < 3) return false;
  const foreign = all.filter((w) => FOREIGN.has(w)).length;
  return foreign >= 3 && foreign / all.length >= 0.6;
}
